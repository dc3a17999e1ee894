/* assemble.h: from counted rows to the weighted, normalised compressed-column matrix. */
#ifndef NT_DTM_ASSEMBLE_H
#define NT_DTM_ASSEMBLE_H

#include <stddef.h>

#include <cholmod.h>

#include "dtm/rows.h"
#include "nmftopics/dtm.h"

/* The smooth idf of every term of v over n_docs documents, ln((1 + n) / (1 + df)) + 1, or
 * all ones when use_idf is 0. Size v->n_terms; NULL when out of memory. */
double *nt_dtm_idf(const nt_vocab *v, size_t n_docs, int use_idf);

/* Builds the m x n_terms matrix whose row i holds the entries of rows[i] (size m),
 * their builder ids mapped to columns by map (-1: left out), each weighted by tf and
 * idf[column] (idf may be NULL: no weighting), then the rows normalised as o says, on
 * `threads` threads (0: all cores); the result does not depend on their number.
 * Counts the rows left without entries in *empty_rows. Returns NT_OK and *out,
 * NT_EINVAL when the nonzeros exceed CHOLMOD's int indices, NT_ENOMEM. */
int nt_dtm_assemble(const nt_row *rows, size_t m, const int *map, size_t n_terms,
                    const double *idf, const nt_tfidf_options *o, int threads,
                    cholmod_sparse **out, size_t *empty_rows, nt_error *err);

#endif
