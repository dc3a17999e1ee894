/* kl.c: multiplicative updates for the generalised Kullback-Leibler divergence.
 *
 * Update rule (Lee & Seung 2001; Brunet et al., PNAS 101(12), 2004; R NMF "brunet"):
 *   h_tj <- h_tj * sum_i w_it a_ij / (WH)_ij / sum_i w_it
 *   w_it <- w_it * sum_j h_tj a_ij / (WH)_ij / sum_j h_tj
 * H first, then W with the new H. Only the nonzeros of A enter the quotient sums, and the
 * divergence sum_ij a_ij log(a_ij/(WH)_ij) - a_ij + (WH)_ij needs (WH)_ij on the nonzeros
 * only, since sum_ij (WH)_ij = colsum(W) . rowsum(H). */
#include <float.h>
#include <math.h>

#include "nmf_internal.h"

/* Column sums of a rows x k row-major factor, in row order. */
static void column_sums(const double *x, size_t rows, size_t k, double *sums)
{
    for (size_t t = 0; t < k; t++)
        sums[t] = 0.0;
    for (size_t r = 0; r < rows; r++)
        for (size_t t = 0; t < k; t++)
            sums[t] += x[r * k + t];
}

/* x . y over k values with four interleaved partial sums (fixed order, so the same on every
 * processor) that the compiler can keep in one vector register. */
static inline double dot4(const double *x, const double *y, size_t k)
{
    double s[4] = {0.0, 0.0, 0.0, 0.0};
    size_t t = 0;
    for (; t + 4 <= k; t += 4)
        for (int c = 0; c < 4; c++)
            s[c] += x[t + c] * y[t + c];
    for (; t < k; t++)
        s[t % 4] += x[t] * y[t];
    return (s[0] + s[1]) + (s[2] + s[3]);
}

/* The step of one row y_r of the updated factor over its entries [lo, hi) of s. */
NT_NMF_VECTOR_CLONES
static void kl_row(const int *si, const double *sx, int lo, int hi, const double *x, double *yr,
                   size_t k, const double *xsum, double *nr)
{
    for (size_t t = 0; t < k; t++)
        nr[t] = 0.0;
    for (int q = lo; q < hi; q++) {
        const double *xi = x + (size_t)si[q] * k;
        double wh = dot4(xi, yr, k);
        /* (WH)_ij = 0 means every term x_it y_rt is 0; the quotient could only multiply such
         * terms, so the entry changes nothing and is skipped. */
        if (wh <= 0.0)
            continue;
        double ratio = sx[q] / wh;
        for (size_t t = 0; t < k; t++)
            nr[t] += ratio * xi[t];
    }
    for (size_t t = 0; t < k; t++)
        yr[t] = xsum[t] > 0.0 ? yr[t] * nr[t] / xsum[t] : 0.0;
}

/* One multiplicative step of the factor y (rows of y = columns of s) against the fixed x:
 * column r of s holds the entries a_(i,r), i indexing rows of x. num is rows x k scratch. */
static void kl_step(const cholmod_sparse *s, const double *x, double *y, size_t k,
                    const double *xsum, double *num, int threads)
{
    const int *sp = s->p, *si = s->i;
    const double *sx = s->x;
#pragma omp parallel for schedule(static) num_threads(threads)
    for (long r = 0; r < (long)s->ncol; r++)
        kl_row(si, sx, sp[r], sp[r + 1], x, y + (size_t)r * k, k, xsum, num + (size_t)r * k);
}

int nt_nmf_kl_iterate(nt_nmf_state *st, nt_error *err)
{
    (void)err;
    double *sums = st->gw; /* k values; the Gram buffers are unused by kl */
    column_sums(st->w, st->m, st->k, sums);
    kl_step(st->a, st->w, st->ht, st->k, sums, st->atw, st->threads);
    column_sums(st->ht, st->n, st->k, sums);
    kl_step(st->at, st->ht, st->w, st->k, sums, st->aht, st->threads);
    return NT_OK;
}

double nt_nmf_kl_objective(nt_nmf_state *st)
{
    const cholmod_sparse *s = st->at; /* column i = row i of A */
    const int *sp = s->p, *si = s->i;
    const double *sx = s->x;
    size_t k = st->k, m = st->m, nblocks = (m + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    double *part = st->scratch; /* nblocks <= m <= max(m, n) * k values */
#pragma omp parallel for schedule(static) num_threads(st->threads)
    for (long b = 0; b < (long)nblocks; b++) {
        size_t lo = (size_t)b * NT_NMF_BLOCK, hi = lo + NT_NMF_BLOCK < m ? lo + NT_NMF_BLOCK : m;
        double acc = 0.0;
        for (size_t i = lo; i < hi; i++)
            for (int q = sp[i]; q < sp[i + 1]; q++) {
                double wh = dot4(st->w + i * k, st->ht + (size_t)si[q] * k, k);
                acc += sx[q] * log(sx[q] / (wh > DBL_MIN ? wh : DBL_MIN));
            }
        part[b] = acc;
    }
    double total = 0.0;
    for (size_t b = 0; b < nblocks; b++)
        total += part[b];
    double *cw = st->gw, *ch = st->gh;
    column_sums(st->w, m, k, cw);
    column_sums(st->ht, st->n, k, ch);
    for (size_t t = 0; t < k; t++)
        total += cw[t] * ch[t];
    return total - st->a_sum;
}
