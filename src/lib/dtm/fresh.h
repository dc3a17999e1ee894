/* fresh.h: the tokens one worker met in one batch that the lexicon lacked, each with its
 * stem (or marked as a stop word) and, once the batch is resolved, its lexicon id. */
#ifndef NT_DTM_FRESH_H
#define NT_DTM_FRESH_H

#include <stddef.h>
#include <stdint.h>

#include "vocab/strtab.h"

#define NT_FRESH_STOP SIZE_MAX  /* stem offset of a stop word */

typedef struct nt_fresh {
    nt_strtab tokens;  /* this batch's tokens that the lexicon lacks */
    size_t *stem;      /* size cap: offset of the token's stem in stem_text, or
                          NT_FRESH_STOP */
    int *lexicon;      /* size cap: lexicon id, set when the batch is resolved */
    size_t cap;
    char *stem_text;   /* size stem_cap: the stems, each NUL-terminated */
    size_t stem_len;
    size_t stem_cap;
} nt_fresh;

/* Prepares an empty set; returns 0 or NT_ENOMEM. */
int nt_fresh_init(nt_fresh *f);

/* Releases f's storage; safe on a zeroed set. */
void nt_fresh_free(nt_fresh *f);

/* Empties f for the next batch, keeping its storage. */
void nt_fresh_clear(nt_fresh *f);

/* Stores the id of a token in *id, adding it as a stop word when new. Returns 1 when
 * added, 0 when present, or NT_ENOMEM. */
int nt_fresh_intern(nt_fresh *f, const char *token, size_t len, uint64_t hash, int *id);

/* Records the stem (len bytes) of the token with this id. Returns 0 or NT_ENOMEM. */
int nt_fresh_set_stem(nt_fresh *f, int id, const char *stem, size_t len);

/* The stem of token id, or NULL for a stop word. */
const char *nt_fresh_stem(const nt_fresh *f, int id);

#endif
