/* pgrad.c: the (projected) gradient norm behind Lin's stopping rule.
 *
 * Lin, "Projected gradient methods for non-negative matrix factorization", Neural
 * Computation 19(10), 2007: stop when ||grad^P f(W,H)||_F <= tol ||grad f(W0,H0)||_F, where
 * grad^P keeps the gradient where x > 0 and only its negative part where x = 0. For one
 * factor the gradient is x G - p + l1 + l2 x + l1sq (row sum of x). */
#include "nmf_internal.h"

static double rows_pgrad_sq(const nt_nmf_subproblem *sp, size_t k, size_t lo, size_t hi,
                            int projected)
{
    double acc = 0.0;
    for (size_t r = lo; r < hi; r++) {
        const double *xr = sp->x + r * k, *pr = sp->p + r * k;
        double rowsum = 0.0;
        for (size_t q = 0; q < k; q++)
            rowsum += xr[q];
        for (size_t t = 0; t < k; t++) {
            double s = 0.0;
            for (size_t q = 0; q < k; q++)
                s += xr[q] * sp->g[t * k + q];
            s += sp->pen.l1 + sp->pen.l2 * xr[t] + sp->pen.l1sq * rowsum - pr[t];
            if (projected && xr[t] <= 0.0 && s > 0.0)
                s = 0.0;
            acc += s * s;
        }
    }
    return acc;
}

double nt_nmf_pgrad_sq(const nt_nmf_state *st, const nt_nmf_subproblem *sp, int projected)
{
    size_t nblocks = (sp->rows + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    double *part = st->scratch; /* nblocks <= rows values */
    int big = (double)sp->rows * (double)(st->k * st->k) >= NT_NMF_PARALLEL_MIN;
#pragma omp parallel for schedule(static) num_threads(st->threads) if (big)
    for (long b = 0; b < (long)nblocks; b++) {
        size_t lo = (size_t)b * NT_NMF_BLOCK;
        size_t hi = lo + NT_NMF_BLOCK < sp->rows ? lo + NT_NMF_BLOCK : sp->rows;
        part[b] = rows_pgrad_sq(sp, st->k, lo, hi, projected);
    }
    double total = 0.0;
    for (size_t b = 0; b < nblocks; b++)
        total += part[b];
    return total;
}
