/* builder.h: the inside of nt_vocab_builder, shared by the files that implement it. */
#ifndef NT_VOCAB_BUILDER_H
#define NT_VOCAB_BUILDER_H

#include "nmftopics/vocab.h"
#include "vocab/strtab.h"

/* Bigram keys start with this byte, which no stem holds, followed by the two unigram term
 * ids (int32, native order): unigrams and bigrams share one table, and a term's id is its
 * key's id in that table. */
#define NT_BIGRAM_MARK '\0'
#define NT_BIGRAM_KEY_LEN (1 + 2 * sizeof(int32_t))
/* Surface keys start with the int32 id of their term. */
#define NT_SURFACE_KEY_PREFIX sizeof(int32_t)

struct nt_vocab_builder {
    nt_strtab keys;          /* term keys: a stem, or a bigram key; id = term id */
    nt_strtab surfaces;      /* keys: a unigram's int32 term id, then a surface form */
    int64_t *df;             /* size term_cap */
    int64_t *counts;         /* size term_cap */
    int64_t *surface_count;  /* size surface_cap */
    size_t term_cap;
    size_t surface_cap;
};

/* Nonzero when term t is a bigram; then *first and *second receive its unigram ids. */
int nt_vocab_builder_is_bigram(const nt_vocab_builder *b, int t, int *first, int *second);

/* Writes term t's key into a new string (a bigram's two stems joined by a space); NULL when
 * out of memory. */
char *nt_vocab_builder_key(const nt_vocab_builder *b, int t);

/* For every term, the surfaces id of its most frequent surface form (ties to the
 * byte-wise smallest), or -1 for bigrams and unigrams without one. Size
 * nt_vocab_builder_count(b); NULL when out of memory. */
int *nt_vocab_builder_best_surfaces(const nt_vocab_builder *b);

/* Makes *array (elements of size elem, capacity cap) hold at least need elements by
 * doubling, storing the capacity reached in *new_cap. Returns 0 or NT_ENOMEM. */
int nt_grow_array(void **array, size_t elem, size_t cap, size_t need, size_t *new_cap);

#endif
