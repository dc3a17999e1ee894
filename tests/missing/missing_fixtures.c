/* missing_fixtures.c: sampled hold-out lists and dense masked references for the tests,
 * written independently of the library. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "missing_tests.h"
#include "nt_test.h"

nt_nmf_options missing_options(int algorithm, size_t k, int max_iter, double tol)
{
    nt_nmf_options o = nt_test_nmf_options(algorithm, k, max_iter, tol);
    o.init = NT_NMF_INIT_RANDOM;
    return o;
}

void entries_sample(entries *e, size_t m, size_t n, double share, unsigned seed)
{
    uint64_t s = seed;
    e->row = malloc(m * n * sizeof *e->row);
    e->col = malloc(m * n * sizeof *e->col);
    size_t c = 0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++)
            if (nt_test_lcg(&s) < share) {
                e->row[c] = i;
                e->col[c++] = j;
            }
    e->list.count = c;
    e->list.row = e->row;
    e->list.col = e->col;
}

void entries_free(entries *e)
{
    free(e->row);
    free(e->col);
}

unsigned char *mask_of(const entries *e, size_t m, size_t n)
{
    unsigned char *mask = calloc(m * n, 1);
    for (size_t q = 0; q < e->list.count; q++)
        mask[e->col[q] * m + e->row[q]] = 1;
    return mask;
}

static double product_entry(const double *w, const double *h, size_t m, size_t n, size_t k,
                            size_t i, size_t j)
{
    double s = 0.0;
    for (size_t t = 0; t < k; t++)
        s += w[t * m + i] * h[t * n + j];
    return s;
}

double masked_rel_error(const double *a, const unsigned char *observed, size_t m, size_t n,
                        const double *w, const double *h, size_t k)
{
    double num = 0.0, den = 0.0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++)
            if (observed[j * m + i]) {
                double d = a[j * m + i] - product_entry(w, h, m, n, k, i, j);
                num += d * d;
                den += a[j * m + i] * a[j * m + i];
            }
    return sqrt(num / den);
}

unsigned char *observed_of(const entries *e, const double *a, size_t m, size_t n,
                           double *norm2)
{
    unsigned char *observed = mask_of(e, m, n);
    *norm2 = 0.0;
    for (size_t q = 0; q < m * n; q++) {
        observed[q] = !observed[q];
        *norm2 += observed[q] ? a[q] * a[q] : 0.0;
    }
    return observed;
}

void assert_same_factors(const nt_nmf_result *x, const nt_nmf_result *y, double tol)
{
    if (tol == 0.0) {
        ck_assert_int_eq(memcmp(x->w, y->w, x->m * x->k * sizeof *x->w), 0);
        ck_assert_int_eq(memcmp(x->h, y->h, x->k * x->n * sizeof *x->h), 0);
        return;
    }
    for (size_t q = 0; q < x->m * x->k; q++)
        ck_assert_double_eq_tol(x->w[q], y->w[q], tol);
    for (size_t q = 0; q < x->k * x->n; q++)
        ck_assert_double_eq_tol(x->h[q], y->h[q], tol);
}

double worst_prediction(const nt_nmf_result *r, const double *a, const entries *e)
{
    double worst = 0.0, top = 0.0;
    for (size_t q = 0; q < e->list.count; q++) {
        size_t i = e->row[q], j = e->col[q];
        double d = fabs(product_entry(r->w, r->h, r->m, r->n, r->k, i, j) - a[j * r->m + i]);
        worst = fmax(worst, d);
        top = fmax(top, a[j * r->m + i]);
    }
    return worst / top;
}

void masked_gradients(const double *a, const unsigned char *observed, size_t m, size_t n,
                      const double *w, const double *h, size_t k, double *gw, double *gh)
{
    for (size_t q = 0; q < m * k; q++)
        gw[q] = 0.0;
    for (size_t q = 0; q < k * n; q++)
        gh[q] = 0.0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            if (!observed[j * m + i])
                continue;
            double r = product_entry(w, h, m, n, k, i, j) - a[j * m + i];
            for (size_t t = 0; t < k; t++) {
                gw[t * m + i] += r * h[t * n + j];
                gh[t * n + j] += r * w[t * m + i];
            }
        }
}
