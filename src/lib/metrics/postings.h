/* postings.h: the documents containing each of a few terms, read from the sparse matrix,
 * and co-occurrence counts between them (internal to the metrics module). */
#ifndef NT_METRICS_POSTINGS_H
#define NT_METRICS_POSTINGS_H

#include <stddef.h>

#include "nmftopics/metrics.h"

typedef struct nt_postings {
    int documents;   /* rows of the matrix the lists came from */
    int terms;       /* distinct terms held */
    int *term;       /* their term indices, increasing; size terms */
    size_t *start;   /* documents of term[s] are doc[start[s] .. start[s+1]); size terms+1 */
    int *doc;        /* increasing document indices; size start[terms] */
} nt_postings;

/* Collects the document lists of the distinct terms among terms[0 .. count) from the
 * columns of A (a document contains a term when the entry is nonzero). Validates A's
 * layout and that every term index is a column of A. */
int nt_postings_build(const cholmod_sparse *A, const int *terms, size_t count,
                      nt_postings *postings, nt_error *err);

/* Frees the lists; accepts NULL and a zeroed record. */
void nt_postings_free(nt_postings *postings);

/* The slot of a term held in the lists, or -1. */
int nt_postings_slot(const nt_postings *postings, int term);

/* The number of documents containing the term in slot a. */
int nt_postings_df(const nt_postings *postings, int a);

/* The number of documents containing both terms in slots a and b. */
int nt_postings_common(const nt_postings *postings, int a, int b);

#endif
