/* tokenizer_internal.h: the tokenizer's state, shared by its setup (tokenizer.c) and its
 * scan of a document for chunks (chunks.c). */
#ifndef NT_TEXT_TOKENIZER_INTERNAL_H
#define NT_TEXT_TOKENIZER_INTERNAL_H

#include <stddef.h>

#include "nmftopics/text.h"
#include "text/byteclass.h"
#include "text_internal.h"

struct nt_tokenizer {
    nt_tokenizer_options opts;
    unsigned starts;           /* classes that start or continue a token */
    unsigned continues;        /* classes that continue a started token */
    nt_byteclass bytes;        /* byte classes under this pattern, for the fast scan */
    nt_text_scratch latin1;    /* the document re-encoded from Latin-1 */
    nt_text_scratch normal;    /* a normalised chunk */
    nt_text_scratch token;     /* the document with ASCII letters lowercased, where ASCII
                                  tokens get their NUL in turn */
    nt_token_fn emit;
    void *user;
    int out_of_memory;         /* set when scratch could not grow, to tell our NT_ENOMEM
                                  from one returned by emit */
};

/* Emits t[0..len), a token of n code points in writable scratch, when n is within the
 * length bounds: its NUL goes over the byte that follows, which is put back afterwards. */
static inline int nt_tokenizer_emit(nt_tokenizer *tok, char *t, size_t len, size_t n)
{
    if (n < tok->opts.min_length || n > tok->opts.max_length)
        return 0;
    char saved = t[len];
    t[len] = '\0';
    int rc = tok->emit(tok->user, t, len);
    t[len] = saved;
    return rc;
}

/* Tokenizes a chunk holding non-ASCII bytes: normalise it, then classify code points.
 * Returns 0, what emit returned, or NT_ENOMEM (setting out_of_memory). */
int nt_tokenizer_split_unicode(nt_tokenizer *tok, const char *s, size_t len);

/* Tokenizes the valid UTF-8 document s[0..len) with tok's emit, chunk by chunk. Returns 0,
 * what emit returned, or NT_ENOMEM (setting out_of_memory). */
int nt_tokenizer_split_chunks(nt_tokenizer *tok, const char *s, size_t len);

#endif
