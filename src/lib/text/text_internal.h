/* text_internal.h: what the files of the text module share: decoding, normalisation, and
 * adding a stop word without composing an error message. */
#ifndef NT_TEXT_INTERNAL_H
#define NT_TEXT_INTERNAL_H

#include <stddef.h>

#include "nmftopics/stopwords.h"

/* Growable memory reused across calls, so steady-state work allocates nothing. */
typedef struct nt_text_scratch {
    void *data; /* size cap bytes */
    size_t cap;
} nt_text_scratch;

/* Makes s hold at least bytes bytes (keeping nothing). Returns 0, or -1 out of memory. */
int nt_text_scratch_reserve(nt_text_scratch *s, size_t bytes);

void nt_text_scratch_free(nt_text_scratch *s);

/* Returns 1 when s[0..len) is well-formed UTF-8 (no overlong forms, no surrogates). */
int nt_text_utf8_valid(const char *s, size_t len);

/* Decodes s as Latin-1 into UTF-8 in out, which needs 2 * len bytes; returns the length. */
size_t nt_text_latin1_to_utf8(const char *s, size_t len, char *out);

/* Normalises valid UTF-8 (NFKC, full case folding, default-ignorables removed) into s.
 * Returns the normalised length, the bytes being at s->data followed by a NUL and enough
 * room to read NT_TOKEN_READABLE bytes from any of them, or -1 when memory runs out. */
ptrdiff_t nt_text_normalize(nt_text_scratch *s, const char *in, size_t len);

/* Normalises word and adds it to sw. Returns NT_OK, NT_EFORMAT (not UTF-8, or holding a
 * NUL) or NT_ENOMEM, leaving the error message to the caller, who knows the source. */
int nt_stopwords_add_word(nt_stopwords *sw, const char *word, size_t len);

#endif
