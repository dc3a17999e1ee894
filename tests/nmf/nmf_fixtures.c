/* nmf_fixtures.c: planted matrices and dense references, written independently of the library. */
#include "nmf_fixtures.h"

#include <math.h>
#include <stdlib.h>

/* A small linear congruential generator: the tests need fixed data, not good randomness. */
static double lcg(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

static void fill(double *x, size_t len, double zeros, unsigned long long *s)
{
    for (size_t q = 0; q < len; q++) {
        double v = lcg(s);
        x[q] = lcg(s) < zeros ? 0.0 : v;
    }
}

cholmod_sparse *sparse_from_dense(const double *a, size_t m, size_t n)
{
    size_t nz = 0;
    for (size_t q = 0; q < m * n; q++)
        nz += a[q] != 0.0;
    cholmod_sparse *s = nt_sparse_allocate(m, n, nz);
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

static void product(const double *w, const double *h, size_t m, size_t n, size_t k, double *out)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double s = 0.0;
            for (size_t t = 0; t < k; t++)
                s += w[t * m + i] * h[t * n + j];
            out[j * m + i] = s;
        }
}

void planted_make(planted *p, size_t m, size_t n, size_t k, double zeros, unsigned seed)
{
    unsigned long long s = seed;
    p->m = m;
    p->n = n;
    p->k = k;
    p->w0 = malloc(m * k * sizeof *p->w0);
    p->h0 = malloc(k * n * sizeof *p->h0);
    p->a = malloc(m * n * sizeof *p->a);
    fill(p->w0, m * k, zeros, &s);
    fill(p->h0, k * n, zeros, &s);
    product(p->w0, p->h0, m, n, k, p->a);
    p->s = sparse_from_dense(p->a, m, n);
}

void planted_free(planted *p)
{
    free(p->w0);
    free(p->h0);
    free(p->a);
    nt_sparse_free(&p->s);
}

double dense_rel_error(const double *a, size_t m, size_t n, const double *w, const double *h,
                       size_t k)
{
    double *wh = malloc(m * n * sizeof *wh), num = 0.0, den = 0.0;
    product(w, h, m, n, k, wh);
    for (size_t q = 0; q < m * n; q++) {
        num += (a[q] - wh[q]) * (a[q] - wh[q]);
        den += a[q] * a[q];
    }
    free(wh);
    return sqrt(num / den);
}

void dense_gradients(const double *a, size_t m, size_t n, const double *w, const double *h,
                     size_t k, double *gw, double *gh)
{
    double *r = malloc(m * n * sizeof *r);
    product(w, h, m, n, k, r);
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
