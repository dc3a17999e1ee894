/* counter.h: counting the terms of one document, in order of first occurrence. */
#ifndef NT_DTM_COUNTER_H
#define NT_DTM_COUNTER_H

#include <stddef.h>

/* mark[t] == stamp when term t was seen in the current document, at terms[pos[t]].
 * Reset per document by changing the stamp, not by clearing: O(distinct terms). */
typedef struct nt_counter {
    unsigned *mark;  /* size id_cap: stamp of the last document holding the term */
    int *pos;        /* size id_cap: its place in terms */
    size_t id_cap;
    unsigned stamp;
    int *terms;      /* size len_cap: the distinct terms of the document */
    int *counts;     /* size len_cap: their counts */
    size_t n;        /* distinct terms so far */
    size_t len_cap;
} nt_counter;

/* Releases c's storage; safe on a zeroed counter. */
void nt_counter_free(nt_counter *c);

/* Starts a document of at most max_len term occurrences, with term ids below n_ids.
 * Returns 0 or NT_ENOMEM. */
int nt_counter_begin(nt_counter *c, size_t max_len, size_t n_ids);

/* Counts one occurrence of term t (t < n_ids of the last begin). */
static inline void nt_counter_add(nt_counter *c, int t)
{
    if (c->mark[t] != c->stamp) {
        c->mark[t] = c->stamp;
        c->pos[t] = (int)c->n;
        c->terms[c->n] = t;
        c->counts[c->n++] = 1;
    } else {
        c->counts[c->pos[t]]++;
    }
}

#endif
