/* nndsvd_fixtures.h: test matrices, LAPACK's exact SVD and NNDSVD built from its definition. */
#ifndef NT_TEST_NNDSVD_FIXTURES_H
#define NT_TEST_NNDSVD_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

#include "nmf/nmf_internal.h"

/* A dense non-negative m x n matrix (column-major) and its sparse copy. */
typedef struct dense {
    size_t m, n;
    double *a;
    cholmod_sparse *s;
} dense;

/* sum_{r < terms} ratio^r x_r y_r^T with x_r, y_r uniform in [0, 1): non-negative, with a
 * roughly geometric spectrum. */
dense decaying(size_t m, size_t n, size_t terms, double ratio, uint64_t seed);
void dense_free(dense *d);

/* The exact thin SVD A = U diag(s) V^T from LAPACK: U m x p, vt p x n, p = min(m, n). */
typedef struct exact {
    size_t p;
    double *u, *s, *vt;
} exact;

exact exact_svd(const dense *d);
void exact_free(exact *e);

/* scikit-learn's NNDSVD (eps 1e-6) from d's exact SVD, row-major W (m x k), H^T (n x k). */
void expected_nndsvd(const dense *d, size_t k, double *w, double *ht);

/* A solver state for d (sparse or dense) with rank k and 2 threads. */
nt_nmf_state state_for(const dense *d, size_t k, int sparse);

/* Asserts both factors of st within tol * (largest entry) of the expected ones. */
void assert_close(const nt_nmf_state *st, const double *w, const double *ht, double tol);

#endif
