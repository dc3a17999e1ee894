/* normalize.c: UTF-8 validation, the Latin-1 fallback, and NFKC + case folding via utf8proc. */
#include "text_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "nmftopics/text.h"

/* The normalisation of every token and stop word: NFKC, full case folding, and removal of
 * default-ignorable characters (soft hyphens, zero-width joiners) that would otherwise split
 * words. STABLE keeps the result stable across Unicode versions. */
#define NT_TEXT_NORMALIZATION \
    (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

/* U+200B ZERO WIDTH SPACE is default-ignorable, yet it marks a word boundary (Thai or
 * Khmer text may use it between words): it becomes a space before IGNORE could drop it. */
static utf8proc_int32_t keep_word_boundaries(utf8proc_int32_t cp, void *data)
{
    (void)data;
    return cp == 0x200B ? 0x20 : cp;
}

int nt_text_scratch_reserve(nt_text_scratch *s, size_t bytes)
{
    if (bytes <= s->cap)
        return 0;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < bytes)
        cap = cap > SIZE_MAX / 2 ? bytes : cap * 2;
    void *data = realloc(s->data, cap);
    if (!data)
        return -1;
    s->data = data;
    s->cap = cap;
    return 0;
}

void nt_text_scratch_free(nt_text_scratch *s)
{
    free(s->data);
    s->data = NULL;
    s->cap = 0;
}

int nt_text_utf8_valid(const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < len) {
        /* Skip ASCII eight bytes at a time: most text is mostly ASCII. */
        uint64_t word;
        if (len - i >= 8 && (memcpy(&word, p + i, 8), !(word & 0x8080808080808080ull))) {
            i += 8;
            continue;
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0)
            return 0;
        i += (size_t)n;
    }
    return 1;
}

size_t nt_text_latin1_to_utf8(const char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[n++] = (char)c;
        } else {
            out[n++] = (char)(0xC0 | (c >> 6));
            out[n++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return n;
}

ptrdiff_t nt_text_normalize(nt_text_scratch *s, const char *in, size_t len)
{
    const utf8proc_uint8_t *src = (const utf8proc_uint8_t *)in;
    size_t cap = s->cap / sizeof(utf8proc_int32_t);
    utf8proc_ssize_t n;
    /* Decompose into code points, growing the buffer once if the first try was short.
     * Spare code points leave room for the NUL after re-encoding and for reading
     * NT_TOKEN_READABLE bytes from any token in the result. */
    const size_t spare = 1 + NT_TOKEN_READABLE / sizeof(utf8proc_int32_t);
    for (;;) {
        n = utf8proc_decompose_custom(src, (utf8proc_ssize_t)len, s->data,
                                      cap > spare ? (utf8proc_ssize_t)(cap - spare) : 0,
                                      NT_TEXT_NORMALIZATION, keep_word_boundaries, NULL);
        if (n < 0)
            return -1;
        if ((size_t)n + spare <= cap)
            break;
        if (nt_text_scratch_reserve(s, ((size_t)n + spare) * sizeof(utf8proc_int32_t)) < 0)
            return -1;
        cap = s->cap / sizeof(utf8proc_int32_t);
    }
    utf8proc_ssize_t bytes = utf8proc_reencode(s->data, n, NT_TEXT_NORMALIZATION);
    if (bytes < 0)
        return -1;
    ((char *)s->data)[bytes] = '\0';
    return bytes;
}
