/* nmf_fixtures.h: planted low-rank matrices and dense reference computations for the tests. */
#ifndef NT_TEST_NMF_FIXTURES_H
#define NT_TEST_NMF_FIXTURES_H

#include <stddef.h>

#include "nmftopics/matrix.h"

/* A planted product A = W0 H0 (dense column-major m x n) with factor-major W0, H0 whose
 * entries are uniform in [0, 1) and zero with probability `zeros`, from a fixed seed. */
typedef struct planted {
    size_t m, n, k;
    double *w0;         /* size m*k, factor-major */
    double *h0;         /* size k*n, factor-major */
    double *a;          /* size m*n, column-major */
    cholmod_sparse *s;  /* the same matrix, sparse */
} planted;

void planted_make(planted *p, size_t m, size_t n, size_t k, double zeros, unsigned seed);
void planted_free(planted *p);

/* A sparse copy of a dense column-major matrix (zeros dropped). */
cholmod_sparse *sparse_from_dense(const double *a, size_t m, size_t n);

/* ||A - W H||_F / ||A||_F with factor-major W, H, computed densely. */
double dense_rel_error(const double *a, size_t m, size_t n, const double *w, const double *h,
                       size_t k);

/* Gradients of 1/2 ||A - W H||^2: gw = (WH - A) H^T (factor-major m x k), gh = W^T (WH - A). */
void dense_gradients(const double *a, size_t m, size_t n, const double *w, const double *h,
                     size_t k, double *gw, double *gh);

#endif
