/* nt_test_planted.c: planted non-negative low-rank products and dense-to-sparse copies. */
#include <stdlib.h>
#include <string.h>

#include "nt_test.h"
#include "nt_test_nmf.h"

/* Each entry uniform in [0, 1), zeroed with probability zeros (two draws per entry). */
static void fill(double *x, size_t len, double zeros, uint64_t *s)
{
    for (size_t q = 0; q < len; q++) {
        double v = nt_test_lcg(s);
        x[q] = nt_test_lcg(s) < zeros ? 0.0 : v;
    }
}

void nt_test_planted_make(nt_test_planted *p, size_t m, size_t n, size_t k, double zeros,
                          uint64_t seed)
{
    uint64_t s = seed;
    p->m = m;
    p->n = n;
    p->k = k;
    p->w0 = malloc(m * k * sizeof *p->w0);
    p->h0 = malloc(k * n * sizeof *p->h0);
    p->a = malloc(m * n * sizeof *p->a);
    ck_assert(p->w0 && p->h0 && p->a);
    fill(p->w0, m * k, zeros, &s);
    fill(p->h0, k * n, zeros, &s);
    nt_test_product(p->w0, p->h0, m, n, k, p->a);
    p->s = nt_test_sparse_from_dense(p->a, m, n);
}

void nt_test_planted_free(nt_test_planted *p)
{
    free(p->w0);
    free(p->h0);
    free(p->a);
    nt_sparse_free(&p->s);
}

cholmod_sparse *nt_test_sparse_from_dense(const double *a, size_t m, size_t n)
{
    size_t nz = 0;
    for (size_t q = 0; q < m * n; q++)
        nz += a[q] != 0.0;
    cholmod_sparse *s = nt_sparse_allocate(m, n, nz);
    ck_assert_ptr_nonnull(s);
    int *sp = s->p, *si = s->i, q = 0;
    double *sx = s->x;
    for (size_t j = 0; j < n; j++) {
        sp[j] = q;
        for (size_t i = 0; i < m; i++)
            if (a[j * m + i] != 0.0) {
                si[q] = (int)i;
                sx[q++] = a[j * m + i];
            }
    }
    sp[n] = q;
    return s;
}

double *nt_test_copy(const double *x, size_t len)
{
    double *y = malloc(len * sizeof *y);
    ck_assert_ptr_nonnull(y);
    memcpy(y, x, len * sizeof *y);
    return y;
}

void nt_test_zero_row_col(double *a, size_t m, size_t n, size_t row, size_t col)
{
    for (size_t j = 0; j < n; j++)
        a[j * m + row] = 0.0;
    for (size_t i = 0; i < m; i++)
        a[col * m + i] = 0.0;
}
