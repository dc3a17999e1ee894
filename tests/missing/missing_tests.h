/* missing_tests.h: what the files of the missing suite share: hold-out lists, masked dense
 * references and fit helpers. */
#ifndef NT_TEST_MISSING_TESTS_H
#define NT_TEST_MISSING_TESTS_H

#include <check.h>

#include "nmf_fixtures.h"
#include "nmftopics/nmf.h"

/* A list of entries with owned arrays. */
typedef struct entries {
    nt_nmf_entry_list list;
    size_t *row;  /* size list.count */
    size_t *col;
} entries;

/* Each entry of an m x n matrix independently with probability share, from a fixed seed. */
void entries_sample(entries *e, size_t m, size_t n, double share, unsigned seed);
void entries_free(entries *e);

/* 1 at the entries of e and 0 elsewhere: an m x n column-major mask. */
unsigned char *mask_of(const entries *e, size_t m, size_t n);

/* sqrt(sum (a - WH)^2 / sum a^2) over the entries where observed[q] is nonzero, computed
 * densely from factor-major W and H. */
double masked_rel_error(const double *a, const unsigned char *observed, size_t m, size_t n,
                        const double *w, const double *h, size_t k);

/* Gradients of 1/2 sum over observed entries of (a - WH)^2: gw (factor-major m x k) and gh
 * (k x n). */
void masked_gradients(const double *a, const unsigned char *observed, size_t m, size_t n,
                      const double *w, const double *h, size_t k, double *gw, double *gh);

/* Largest |(W H)_ij - a_ij| over the entries of e, relative to the largest a_ij there. */
double worst_prediction(const nt_nmf_result *r, const double *a, const entries *e);

/* Default options with rank k, one thread, hals and the given stopping. */
nt_nmf_options missing_opts(size_t k, int max_iter, double tol);

/* Fits and fails the test with the library's message on error. */
nt_nmf_result *fit_or_fail(const nt_matrix *a, const nt_nmf_options *o);

TCase *missing_tcase_edge(void);    /* test_missing_edge.c */
TCase *missing_tcase_errors(void);  /* test_missing_edge.c */

#endif
