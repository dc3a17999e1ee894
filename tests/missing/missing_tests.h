/* missing_tests.h: what the files of the missing suite share: hold-out lists and masked
 * dense references. */
#ifndef NT_TEST_MISSING_TESTS_H
#define NT_TEST_MISSING_TESTS_H

#include <check.h>

#include "nmftopics/nmf.h"
#include "nt_test_nmf.h"

/* nt_test_nmf_options with a random start, the start a fit with held-out entries needs. */
nt_nmf_options missing_options(int algorithm, size_t k, int max_iter, double tol);

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

/* The entries e leaves observed (1) in an m x n column-major mask, and in *norm2 the sum of
 * a^2 over them. */
unsigned char *observed_of(const entries *e, const double *a, size_t m, size_t n,
                           double *norm2);

/* The factors of x and y equal within tol, or bit-identical when tol is 0. */
void assert_same_factors(const nt_nmf_result *x, const nt_nmf_result *y, double tol);

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

void missing_add_edge_tests(TCase *edge);     /* test_missing_edge.c */
void missing_add_error_tests(TCase *errors);  /* test_missing_edge.c */

#endif
