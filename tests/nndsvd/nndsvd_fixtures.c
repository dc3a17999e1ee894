/* nndsvd_fixtures.c: test matrices, LAPACK's exact SVD and NNDSVD from its definition. */
#include "nndsvd_fixtures.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nt_test.h"
#include "nt_test_nmf.h"

void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info);

/* sum_{r < terms} ratio^r x_r y_r^T with x_r, y_r uniform in [0, 1): non-negative, with a
 * roughly geometric spectrum. */
dense decaying(size_t m, size_t n, size_t terms, double ratio, uint64_t seed)
{
    dense d = {m, n, calloc(m * n, sizeof(double)), NULL};
    double *x = malloc(m * sizeof *x), *y = malloc(n * sizeof *y), c = 1.0;
    for (size_t r = 0; r < terms; r++, c *= ratio) {
        for (size_t i = 0; i < m; i++)
            x[i] = nt_test_uniform(&seed);
        for (size_t j = 0; j < n; j++)
            y[j] = nt_test_uniform(&seed);
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < m; i++)
                d.a[j * m + i] += c * x[i] * y[j];
    }
    free(x);
    free(y);
    d.s = nt_test_sparse_from_dense(d.a, m, n);
    return d;
}

void dense_free(dense *d)
{
    free(d->a);
    nt_sparse_free(&d->s);
}

exact exact_svd(const dense *d)
{
    int m = (int)d->m, n = (int)d->n, p = m < n ? m : n, info, lwork = -1, *iwork;
    exact e = {(size_t)p, malloc(d->m * (size_t)p * 8), malloc((size_t)p * 8),
               malloc((size_t)p * d->n * 8)};
    double *a = malloc(d->m * d->n * 8), q;
    memcpy(a, d->a, d->m * d->n * 8);
    iwork = malloc(8 * (size_t)p * sizeof *iwork);
    dgesdd_("S", &m, &n, a, &m, e.s, e.u, &m, e.vt, &p, &q, &lwork, iwork, &info);
    lwork = (int)q + 1;
    double *work = malloc((size_t)lwork * 8);
    dgesdd_("S", &m, &n, a, &m, e.s, e.u, &m, e.vt, &p, work, &lwork, iwork, &info);
    ck_assert_int_eq(info, 0);
    free(a), free(work), free(iwork);
    return e;
}

void exact_free(exact *e)
{
    free(e->u), free(e->s), free(e->vt);
}

/* Topic j of NNDSVD from the exact SVD e: the dominant one-signed part of u_j v_j^T. */
static void expected_topic(const exact *e, size_t m, size_t n, size_t k, size_t j, double *w,
                           double *ht)
{
    double xp = 0, xn = 0, yp = 0, yn = 0;
    for (size_t i = 0; i < m; i++) {
        double x = e->u[j * m + i];
        xp += x > 0 ? x * x : 0, xn += x < 0 ? x * x : 0;
    }
    for (size_t c = 0; c < n; c++) {
        double y = e->vt[c * e->p + j];
        yp += y > 0 ? y * y : 0, yn += y < 0 ? y * y : 0;
    }
    xp = sqrt(xp), xn = sqrt(xn), yp = sqrt(yp), yn = sqrt(yn);
    int pos = xp * yp > xn * yn;
    double nx = pos ? xp : xn, ny = pos ? yp : yn, lbd = sqrt(e->s[j] * nx * ny);
    for (size_t i = 0; i < m; i++) {
        double x = e->u[j * m + i], v;
        if (j == 0)
            v = sqrt(e->s[0]) * fabs(x);
        else
            v = (pos ? x > 0 : x < 0) ? lbd * fabs(x) / nx : 0.0;
        w[i * k + j] = v < 1e-6 ? 0.0 : v;
    }
    for (size_t c = 0; c < n; c++) {
        double y = e->vt[c * e->p + j], v;
        if (j == 0)
            v = sqrt(e->s[0]) * fabs(y);
        else
            v = (pos ? y > 0 : y < 0) ? lbd * fabs(y) / ny : 0.0;
        ht[c * k + j] = v < 1e-6 ? 0.0 : v;
    }
}

void expected_nndsvd(const dense *d, size_t k, double *w, double *ht)
{
    exact e = exact_svd(d);
    for (size_t j = 0; j < k; j++)
        expected_topic(&e, d->m, d->n, k, j, w, ht);
    exact_free(&e);
}

/* The state keeps a pointer to its options, so they outlive state_for(). */
static nt_nmf_options O;

nt_nmf_state state_for(const dense *d, size_t k, int sparse)
{
    nt_nmf_options_init(&O);
    O.k = k;
    O.threads = 2;
    nt_matrix a = {d->m, d->n, sparse ? d->s : NULL, sparse ? NULL : d->a};
    nt_nmf_state st;
    nt_error err;
    ck_assert_int_eq(nt_nmf_state_create(&st, &a, &O, 0, &err), NT_OK);
    return st;
}

void assert_close(const nt_nmf_state *st, const double *w, const double *ht, double tol)
{
    double sw = nt_test_max_abs(w, st->m * st->k), sh = nt_test_max_abs(ht, st->n * st->k);
    for (size_t q = 0; q < st->m * st->k; q++)
        ck_assert_double_eq_tol(st->w[q], w[q], tol * sw);
    for (size_t q = 0; q < st->n * st->k; q++)
        ck_assert_double_eq_tol(st->ht[q], ht[q], tol * sh);
}

