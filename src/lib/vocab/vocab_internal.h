/* vocab_internal.h: helpers shared by the files of the vocab module. */
#ifndef NT_VOCAB_INTERNAL_H
#define NT_VOCAB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/vocab.h"

/* A term that passed the document-frequency bounds, while the vocabulary is finished. */
typedef struct nt_kept_term {
    const char *key;  /* the builder's string, or one of the bigram keys' block */
    uint64_t prefix;  /* the key's first 8 bytes, big-endian, zero-padded */
    int64_t count;    /* corpus count */
    int old;          /* builder term id */
} nt_kept_term;

/* Orders two kept terms by key (strcmp order), for qsort. Keys hold no NUL byte, so
 * comparing zero-padded prefixes as numbers orders keys as strcmp does whenever they
 * differ; most comparisons then never read the keys. */
int nt_kept_term_by_key(const void *a, const void *b);

/* Sorts kept[0..n) by key as qsort with nt_kept_term_by_key would, faster. Returns NT_OK or
 * NT_ENOMEM (kept then unchanged). */
int nt_kept_terms_sort(nt_kept_term *kept, size_t n);


#endif
