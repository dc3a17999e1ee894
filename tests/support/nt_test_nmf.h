/* nt_test_nmf.h: the NMF-family fixtures: planted non-negative low-rank products, dense
 * references written independently of the library, and fit helpers. Matrices are dense
 * column-major m x n (entry (i, j) at [j*m + i]); W and H are factor-major as the library's
 * (W[t*m + i], H[t*n + j]). */
#ifndef NT_TEST_NMF_H
#define NT_TEST_NMF_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/matrix.h"
#include "nmftopics/nmf.h"

/* ---- planted products and sparse copies (nt_test_planted.c) ---- */

/* A planted product A = W0 H0 and its sparse copy. */
typedef struct nt_test_planted {
    size_t m, n, k;
    double *w0;         /* size m*k, factor-major */
    double *h0;         /* size k*n, factor-major */
    double *a;          /* size m*n, column-major */
    cholmod_sparse *s;  /* the same matrix, sparse */
} nt_test_planted;

/* Fills p with W0 and H0 drawn from nt_test_lcg seeded with seed: each entry uniform in
 * [0, 1), then set to zero with probability zeros. Free with nt_test_planted_free. */
void nt_test_planted_make(nt_test_planted *p, size_t m, size_t n, size_t k, double zeros,
                          uint64_t seed);
void nt_test_planted_free(nt_test_planted *p);

/* A sparse copy of the dense m x n matrix a, zeros dropped; free with nt_sparse_free. */
cholmod_sparse *nt_test_sparse_from_dense(const double *a, size_t m, size_t n);

/* A malloc'ed copy of len doubles. */
double *nt_test_copy(const double *x, size_t len);

/* Sets row `row` and column `col` of the dense m x n matrix a to zero. */
void nt_test_zero_row_col(double *a, size_t m, size_t n, size_t row, size_t col);

/* ---- dense references (nt_test_dense.c) ---- */

/* out = W H (m x n) from factor-major W (m x k) and H (k x n). */
void nt_test_product(const double *w, const double *h, size_t m, size_t n, size_t k,
                     double *out);

/* ||A - W H||_F / ||A||_F. */
double nt_test_rel_error(const double *a, size_t m, size_t n, const double *w, const double *h,
                         size_t k);

/* Gradients of 1/2 ||A - W H||^2: gw = (WH - A) H^T (factor-major m x k), gh = W^T (WH - A)
 * (k x n). */
void nt_test_gradients(const double *a, size_t m, size_t n, const double *w, const double *h,
                       size_t k, double *gw, double *gh);

/* sum of x_q^2, summed in index order. */
double nt_test_sum_squares(const double *x, size_t len);

/* max_q |x_q| and max_q |x_q - y_q|. */
double nt_test_max_abs(const double *x, size_t len);
double nt_test_max_abs_diff(const double *x, const double *y, size_t len);

/* ---- fits (nt_test_fit.c) ---- */

/* Default options with the given algorithm, rank, iteration cap and tolerance, one thread. */
nt_nmf_options nt_test_nmf_options(int algorithm, size_t k, int max_iter, double tol);

/* Fits a with o; fails the test with the library's message on error. */
nt_nmf_result *nt_test_fit(const nt_matrix *a, const nt_nmf_options *o);

/* Expects the fit to fail with status, err.status equal to it, a message containing needle,
 * and no result. */
void nt_test_fit_fails(const nt_matrix *a, const nt_nmf_options *o, int status,
                       const char *needle);

/* ---- assertions about results (nt_test_checks.c) ---- */

/* Fits p's sparse matrix with o and asserts what noiseless planted data allow: relative
 * error below 1e-6 (recomputed densely), the result's own figure within 1e-7 of it, and
 * convergence. */
void nt_test_assert_recovers(const nt_test_planted *p, const nt_nmf_options *o);

/* r's objective trace (recorded) never rises by more than slack from one iteration to the
 * next, ends below its start and ends at r->objective; label names the fit in a failure. */
void nt_test_assert_descent(const nt_nmf_result *r, double slack, const char *label);

/* Complementarity of a non-negativity constraint: |min(x_q, grad_q + shift)| <= tol for
 * every q < len, where shift is an L1 penalty's weight (0 without one). */
void nt_test_assert_complementary(const double *x, const double *grad, size_t len,
                                  double shift, double tol);

/* The KKT conditions of min 1/2 ||A - WH||^2 + shift (sum W + sum H) over W, H >= 0 at r's
 * factors, the gradients recomputed densely from a (r->m x r->n): complementarity within
 * tol for every entry of W and of H. */
void nt_test_assert_kkt(const double *a, const nt_nmf_result *r, double shift, double tol);

#endif
