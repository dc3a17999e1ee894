/* missing_fixtures.c: sampled hold-out lists and dense masked references for the tests,
 * written independently of the library. */
#include <math.h>
#include <stdlib.h>

#include "missing_tests.h"

void entries_sample(entries *e, size_t m, size_t n, double share, unsigned seed)
{
    unsigned long long s = seed;
    e->row = malloc(m * n * sizeof *e->row);
    e->col = malloc(m * n * sizeof *e->col);
    size_t c = 0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((double)(s >> 11) / 9007199254740992.0 < share) {
                e->row[c] = i;
                e->col[c++] = j;
            }
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

nt_nmf_options missing_opts(size_t k, int max_iter, double tol)
{
    nt_nmf_options o;
    nt_nmf_options_init(&o);
    o.k = k;
    o.max_iter = max_iter;
    o.tol = tol;
    o.threads = 1;
    return o;
}

nt_nmf_result *fit_or_fail(const nt_matrix *a, const nt_nmf_options *o)
{
    nt_nmf_result *r = NULL;
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_nmf_fit(a, o, NULL, &r, &err);
    ck_assert_msg(rc == NT_OK, "fit failed: %s", err.message);
    return r;
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
