/* builder.h: the inside of nt_vocab_builder, shared by the files that implement it. */
#ifndef NT_VOCAB_BUILDER_H
#define NT_VOCAB_BUILDER_H

#include "nmftopics/vocab.h"
#include <stdint.h>

#include "vocab/grow.h"
#include "vocab/strtab.h"

/* Bigram keys start with this byte, which no stem holds, followed by the two unigram term
 * ids (int32, native order): unigrams and bigrams share one table, and a term's id is its
 * key's id in that table. */
#define NT_BIGRAM_MARK '\0'
#define NT_BIGRAM_KEY_LEN (1 + 2 * sizeof(int32_t))
/* best_surface of a term without any offered surface. */
#define NT_NO_SURFACE SIZE_MAX

struct nt_vocab_builder {
    nt_strtab keys;          /* term keys: a stem, or a bigram key; id = term id */
    int64_t *df;             /* size term_cap */
    int64_t *counts;         /* size term_cap */
    size_t *best_surface;    /* size term_cap: offset of the best offered surface in
                                surface_text, or NT_NO_SURFACE */
    int64_t *best_count;     /* size term_cap: its count */
    size_t term_cap;
    char *surface_text;      /* size text_cap: winning surfaces, each NUL-terminated */
    size_t text_len;
    size_t text_cap;
};

/* Nonzero when term t is a bigram; then *first and *second receive its unigram ids. */
int nt_vocab_builder_is_bigram(const nt_vocab_builder *b, int t, int *first, int *second);

/* Writes term t's key into a new string (a bigram's two stems joined by a space); NULL when
 * out of memory. */
char *nt_vocab_builder_key(const nt_vocab_builder *b, int t);

/* The best surface offered for term t so far, or NULL when none was. */
const char *nt_vocab_builder_surface(const nt_vocab_builder *b, int t);

#endif
