/* nt_test_dense.c: dense reference computations (products, errors, gradients, norms),
 * written independently of the library's kernels. */
#include <math.h>
#include <stdlib.h>

#include "nt_test.h"
#include "nt_test_nmf.h"

void nt_test_product(const double *w, const double *h, size_t m, size_t n, size_t k,
                     double *out)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double s = 0.0;
            for (size_t t = 0; t < k; t++)
                s += w[t * m + i] * h[t * n + j];
            out[j * m + i] = s;
        }
}

double nt_test_rel_error(const double *a, size_t m, size_t n, const double *w, const double *h,
                         size_t k)
{
    double *wh = malloc(m * n * sizeof *wh), num = 0.0, den = 0.0;
    ck_assert_ptr_nonnull(wh);
    nt_test_product(w, h, m, n, k, wh);
    for (size_t q = 0; q < m * n; q++) {
        num += (a[q] - wh[q]) * (a[q] - wh[q]);
        den += a[q] * a[q];
    }
    free(wh);
    return sqrt(num / den);
}

void nt_test_gradients(const double *a, size_t m, size_t n, const double *w, const double *h,
                       size_t k, double *gw, double *gh)
{
    double *r = malloc(m * n * sizeof *r);
    ck_assert_ptr_nonnull(r);
    nt_test_product(w, h, m, n, k, r);
    for (size_t q = 0; q < m * n; q++)
        r[q] -= a[q];
    for (size_t t = 0; t < k; t++) {
        for (size_t i = 0; i < m; i++) {
            double s = 0.0;
            for (size_t j = 0; j < n; j++)
                s += r[j * m + i] * h[t * n + j];
            gw[t * m + i] = s;
        }
        for (size_t j = 0; j < n; j++) {
            double s = 0.0;
            for (size_t i = 0; i < m; i++)
                s += w[t * m + i] * r[j * m + i];
            gh[t * n + j] = s;
        }
    }
    free(r);
}

double nt_test_sum_squares(const double *x, size_t len)
{
    double s = 0.0;
    for (size_t q = 0; q < len; q++)
        s += x[q] * x[q];
    return s;
}

double nt_test_max_abs(const double *x, size_t len)
{
    double d = 0.0;
    for (size_t q = 0; q < len; q++)
        d = fmax(d, fabs(x[q]));
    return d;
}

double nt_test_max_abs_diff(const double *x, const double *y, size_t len)
{
    double d = 0.0;
    for (size_t q = 0; q < len; q++)
        d = fmax(d, fabs(x[q] - y[q]));
    return d;
}
