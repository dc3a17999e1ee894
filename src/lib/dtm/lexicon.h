/* lexicon.h: every distinct token met so far, with the vocabulary term it stems to (or its
 * being a stop word) and its count. Workers read its tokens and terms while they run; the
 * driving thread adds tokens between batches only, and updates counts (which workers never
 * read) while they run. */
#ifndef NT_DTM_LEXICON_H
#define NT_DTM_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "vocab/strtab.h"

#define NT_LEXICON_STOP (-1)  /* term of a stop word */

typedef struct nt_lexicon {
    nt_strtab tokens;  /* distinct case-folded tokens */
    int *term;         /* size cap: vocabulary builder unigram id, or NT_LEXICON_STOP */
    int64_t *count;    /* size cap: occurrences counted so far */
    size_t cap;
} nt_lexicon;

/* Prepares an empty lexicon; returns 0 or NT_ENOMEM. */
int nt_lexicon_init(nt_lexicon *lex);

/* Releases lex's storage; safe on a zeroed lexicon. */
void nt_lexicon_free(nt_lexicon *lex);

/* Stores in *id the id of a token (hash = nt_strtab_hash of it), adding it with a zero
 * count when new; the caller then sets its term. Returns 1 when added, 0 when present,
 * or NT_ENOMEM. */
int nt_lexicon_intern(nt_lexicon *lex, const char *token, size_t len, uint64_t hash, int *id);

#endif
