/* tokenizer.c: the tokenizer's setup, its Unicode path, and running it on a document. */
#include "nmftopics/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tokenizer_internal.h"

/* Character classes, as bits so that a pattern is two masks. */
enum { C_OTHER = 0, C_LETTER = 1, C_NUMBER = 2, C_MARK = 4, C_UNDERSCORE = 8 };

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
    nt_byteclass_init(&tok->bytes, (tok->starts & C_NUMBER) != 0,
                      (tok->starts & C_UNDERSCORE) != 0);
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

int nt_tokenizer_split_unicode(nt_tokenizer *tok, const char *s, size_t len)
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
            int rc = n > 0 ? nt_tokenizer_emit(tok, buf + start, i - start, n) : 0;
            if (rc)
                return rc;
            start = i;
            n = 1;
        } else if (n > 0) {
            int rc = nt_tokenizer_emit(tok, buf + start, i - start, n);
            if (rc)
                return rc;
            n = 0;
        }
        i += (size_t)step;
    }
    return n > 0 ? nt_tokenizer_emit(tok, buf + start, (size_t)m - start, n) : 0;
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
    int rc = nt_tokenizer_split_chunks(tok, bytes, len);
    if (tok->out_of_memory)
        return nt_error_set(err, NT_ENOMEM, "out of memory tokenizing a document");
    return rc;
}
