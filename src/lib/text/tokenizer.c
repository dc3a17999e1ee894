/* tokenizer.c: splitting a document into normalised tokens, with an ASCII fast path. */
#include "nmftopics/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text_internal.h"

/* Character classes, as bits so that a pattern is two masks. */
enum { C_OTHER = 0, C_LETTER = 1, C_NUMBER = 2, C_MARK = 4, C_UNDERSCORE = 8 };

/* Byte classes for the fast scan, per pattern: B_SEP is an ASCII byte outside every
 * pattern (space, punctuation); B_TOKEN an ASCII byte the pattern keeps; B_SPLIT an ASCII
 * word byte it does not (a digit for LETTERS); B_HIGH a byte of a non-ASCII character. */
enum { B_SEP = 0, B_TOKEN = 1, B_SPLIT = 2, B_HIGH = 4 };

struct nt_tokenizer {
    nt_tokenizer_options opts;
    unsigned starts;           /* classes that start or continue a token */
    unsigned continues;        /* classes that continue a started token */
    unsigned char bytes[256];  /* B_* class of every byte under this pattern */
    nt_text_scratch latin1;    /* the document re-encoded from Latin-1 */
    nt_text_scratch normal;    /* a normalised chunk */
    nt_text_scratch token;     /* a lowercased ASCII token */
    nt_token_fn emit;
    void *user;
    int out_of_memory;         /* set when scratch could not grow, to tell our NT_ENOMEM
                                  from one returned by emit */
};

void nt_tokenizer_options_init(nt_tokenizer_options *opts)
{
    opts->pattern = NT_TOKENS_LETTERS;
    opts->min_length = 2;
    opts->max_length = 40;
}

int nt_tokenizer_options_check(const nt_tokenizer_options *opts, nt_error *err)
{
    if (opts->pattern != NT_TOKENS_LETTERS && opts->pattern != NT_TOKENS_ALNUM &&
        opts->pattern != NT_TOKENS_WORD)
        return nt_error_set(err, NT_EINVAL, "token pattern: unknown value %d",
                            (int)opts->pattern);
    if (opts->min_length < 1)
        return nt_error_set(err, NT_EINVAL, "minimum token length: must be at least 1");
    if (opts->min_length > opts->max_length)
        return nt_error_set(err, NT_EINVAL,
                            "minimum token length %zu is above the maximum length %zu",
                            opts->min_length, opts->max_length);
    return NT_OK;
}

static unsigned ascii_class(unsigned char c)
{
    if ((unsigned char)((c | 0x20) - 'a') < 26)
        return C_LETTER;
    if ((unsigned char)(c - '0') < 10)
        return C_NUMBER;
    return c == '_' ? C_UNDERSCORE : C_OTHER;
}

int nt_tokenizer_create(const nt_tokenizer_options *opts, nt_tokenizer **out, nt_error *err)
{
    *out = NULL;
    int rc = nt_tokenizer_options_check(opts, err);
    if (rc != NT_OK)
        return rc;
    nt_tokenizer *tok = calloc(1, sizeof *tok);
    if (!tok)
        return nt_error_set(err, NT_ENOMEM, "out of memory creating a tokenizer");
    tok->opts = *opts;
    switch (opts->pattern) {
    case NT_TOKENS_LETTERS:
        tok->starts = C_LETTER;
        tok->continues = C_LETTER | C_MARK;
        break;
    case NT_TOKENS_ALNUM:
        tok->starts = C_LETTER | C_NUMBER;
        tok->continues = C_LETTER | C_NUMBER | C_MARK;
        break;
    case NT_TOKENS_WORD:
        tok->starts = tok->continues = C_LETTER | C_NUMBER | C_UNDERSCORE;
        break;
    }
    for (unsigned c = 0; c < 256; c++) {
        unsigned cls = c < 0x80 ? ascii_class((unsigned char)c) : C_OTHER;
        tok->bytes[c] = c >= 0x80 ? B_HIGH
                        : (cls & tok->starts) ? B_TOKEN
                        : cls ? B_SPLIT : B_SEP;
    }
    *out = tok;
    return NT_OK;
}

void nt_tokenizer_free(nt_tokenizer *tok)
{
    if (tok) {
        nt_text_scratch_free(&tok->latin1);
        nt_text_scratch_free(&tok->normal);
        nt_text_scratch_free(&tok->token);
        free(tok);
    }
}

static unsigned unicode_class(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return ascii_class((unsigned char)cp);
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_NUMBER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    default:
        return C_OTHER;
    }
}

static int length_ok(const nt_tokenizer *tok, size_t code_points)
{
    return code_points >= tok->opts.min_length && code_points <= tok->opts.max_length;
}

/* Lowercases the n ASCII letters and digits at s into t (which has room for n + 8 bytes).
 * Letters and digits all have bit 5 set except 'A'..'Z', so or-ing 0x20 into every byte
 * lowercases them, eight bytes at a time; the last word may overlap the one before. */
static void lowercase_alnum(char *t, const char *s, size_t n)
{
    const uint64_t bit5 = 0x2020202020202020u;
    uint64_t w;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            t[i] = (char)(s[i] | 0x20);
        return;
    }
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&w, s + i, 8);
        w |= bit5;
        memcpy(t + i, &w, 8);
    }
    memcpy(&w, s + n - 8, 8);
    w |= bit5;
    memcpy(t + n - 8, &w, 8);
}

/* Emits the ASCII token s[0..len), lowercased into scratch to add the NUL. */
static int emit_ascii(nt_tokenizer *tok, const char *s, size_t len)
{
    if (!length_ok(tok, len))
        return 0;
    if (len + 8 > tok->token.cap && nt_text_scratch_reserve(&tok->token, len + 8) < 0) {
        tok->out_of_memory = 1;
        return NT_ENOMEM;
    }
    char *t = tok->token.data;
    if (tok->opts.pattern != NT_TOKENS_WORD || !memchr(s, '_', len)) {
        lowercase_alnum(t, s, len);
    } else {  /* '_' has bit 5 clear: set the lowercase bit of 'A'..'Z' only */
        for (size_t i = 0; i < len; i++)
            t[i] = (char)(s[i] | ((unsigned char)(s[i] - 'A') < 26) << 5);
    }
    t[len] = '\0';
    return tok->emit(tok->user, t, len);
}

/* Tokenizes a chunk made only of ASCII letters, digits and '_'. */
static int split_ascii(nt_tokenizer *tok, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        while (i < len && tok->bytes[u[i]] != B_TOKEN)
            i++;
        size_t start = i;
        while (i < len && tok->bytes[u[i]] == B_TOKEN)
            i++;
        int rc = i > start ? emit_ascii(tok, s + start, i - start) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

/* Emits buf[start..end), a token of n code points inside the writable normalised chunk. */
static int emit_span(nt_tokenizer *tok, char *buf, size_t start, size_t end, size_t n)
{
    if (!length_ok(tok, n))
        return 0;
    char saved = buf[end];
    buf[end] = '\0';
    int rc = tok->emit(tok->user, buf + start, end - start);
    buf[end] = saved;
    return rc;
}

/* Tokenizes a chunk holding non-ASCII bytes: normalise it, then classify code points. */
static int split_unicode(nt_tokenizer *tok, const char *s, size_t len)
{
    ptrdiff_t m = nt_text_normalize(&tok->normal, s, len);
    if (m < 0) {
        tok->out_of_memory = 1;
        return NT_ENOMEM;
    }
    char *buf = tok->normal.data;
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)buf;
    size_t start = 0, n = 0, i = 0;
    while (i < (size_t)m) {
        utf8proc_int32_t cp = u[i];
        utf8proc_ssize_t step = 1;
        if (cp >= 0x80)
            step = utf8proc_iterate(u + i, m - (ptrdiff_t)i, &cp);
        unsigned cls = unicode_class(cp);
        if (n > 0 && (cls & tok->continues)) {
            n++;
        } else if (cls & tok->starts) {
            int rc = n > 0 ? emit_span(tok, buf, start, i, n) : 0;
            if (rc)
                return rc;
            start = i;
            n = 1;
        } else if (n > 0) {
            int rc = emit_span(tok, buf, start, i, n);
            if (rc)
                return rc;
            n = 0;
        }
        i += (size_t)step;
    }
    return n > 0 ? emit_span(tok, buf, start, (size_t)m, n) : 0;
}

/* A chunk is a maximal run of bytes that are ASCII word characters or non-ASCII: ASCII
 * punctuation and space never join with their neighbours under NFKC, so chunks can be
 * normalised independently, and pure-ASCII chunks need no normalisation at all. */
static int split_chunks(nt_tokenizer *tok, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        while (i < len && tok->bytes[u[i]] == B_SEP)
            i++;
        size_t start = i;
        unsigned seen = 0;
        for (; i < len && tok->bytes[u[i]] != B_SEP; i++)
            seen |= tok->bytes[u[i]];
        int rc = 0;
        if (seen & B_HIGH)
            rc = split_unicode(tok, s + start, i - start);
        else if (seen & B_SPLIT)
            rc = split_ascii(tok, s + start, i - start);
        else if (seen) /* the common case: the chunk is one token */
            rc = emit_ascii(tok, s + start, i - start);
        if (rc)
            return rc;
    }
    return 0;
}

int nt_tokenizer_run(nt_tokenizer *tok, const char *bytes, size_t len, nt_token_fn emit,
                     void *user, int *decoded_latin1, nt_error *err)
{
    int latin1 = !nt_text_utf8_valid(bytes, len);
    if (decoded_latin1)
        *decoded_latin1 = latin1;
    if (latin1) {
        if (len > SIZE_MAX / 2 || nt_text_scratch_reserve(&tok->latin1, 2 * len) < 0)
            return nt_error_set(err, NT_ENOMEM, "out of memory decoding a document");
        len = nt_text_latin1_to_utf8(bytes, len, tok->latin1.data);
        bytes = tok->latin1.data;
    }
    tok->emit = emit;
    tok->user = user;
    tok->out_of_memory = 0;
    int rc = split_chunks(tok, bytes, len);
    if (tok->out_of_memory)
        return nt_error_set(err, NT_ENOMEM, "out of memory tokenizing a document");
    return rc;
}
