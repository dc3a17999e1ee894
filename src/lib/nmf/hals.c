/* hals.c: accelerated hierarchical alternating least squares for one factor.
 *
 * Update rule (HALS, Cichocki & Phan 2009; equivalently cyclic coordinate descent): with the
 * other factor fixed, each entry in turn moves to the minimiser of the objective along it,
 *   x_rt <- max(0, x_rt - ((x_r G)_t - p_rt) / G_tt),
 * where G = g + l2 I + l1sq 11^T and p = p - l1 fold the penalties in. Acceleration (Gillis &
 * Glineur, "Accelerated multiplicative updates and hierarchical alternating least squares
 * algorithms for NMF", Neural Computation 24(4), 2012): the product with A is the expensive
 * part, so several sweeps reuse it, up to 1 + alpha * rho sweeps where rho is the cost of the
 * product and Gram matrix relative to one sweep, stopping early once a sweep changes x by
 * less than delta times what the first sweep did (alpha = 0.5, delta = 0.1 as in the paper). */
#include <math.h>
#include <stdlib.h>

#include "nmf_internal.h"

#define HALS_ALPHA 0.5
#define HALS_DELTA 0.1

/* Sweeps over rows [lo, hi); returns the squared change. Rows are independent, so the
 * row-by-row order gives exactly the column-by-column HALS result. */
static double sweep_rows(double *x, const double *p, const double *g, double l1, size_t k,
                         size_t lo, size_t hi)
{
    double change = 0.0;
    for (size_t r = lo; r < hi; r++) {
        double *xr = x + r * k;
        const double *pr = p + r * k;
        for (size_t t = 0; t < k; t++) {
            const double *gt = g + t * k;
            double s = 0.0;
            for (size_t q = 0; q < k; q++)
                s += xr[q] * gt[q];
            /* A zero diagonal means the other factor's topic is empty: x_rt does not change
             * the fit, and 0 is the minimiser of the remaining penalty. */
            double v = gt[t] > 0.0 ? xr[t] - (s - pr[t] + l1) / gt[t] : 0.0;
            v = v > 0.0 ? v : 0.0;
            double d = v - xr[t];
            change += d * d;
            xr[t] = v;
        }
    }
    return change;
}

/* The most sweeps one product with A pays for: 1 + alpha * rho with rho = 1 + (cost of the
 * product and the Gram matrix) / (cost of a sweep). */
static int max_sweeps(const nt_nmf_state *st, const nt_nmf_subproblem *sp)
{
    double k = (double)st->k, rows = (double)sp->rows;
    double other = (double)(sp->side == NT_NMF_SIDE_W ? st->n : st->m);
    double rho = 1.0 + ((double)st->nnz * k + other * k * k) / (rows * k * (k + 1.0));
    return 1 + (int)(HALS_ALPHA * rho);
}

int nt_nmf_hals_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err)
{
    size_t k = st->k, nblocks = (sp->rows + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    double *g = st->scratch; /* the penalised Gram matrix, k x k */
    double *part = malloc((nblocks ? nblocks : 1) * sizeof *part);
    if (!part)
        return nt_error_set(err, NT_ENOMEM, "out of memory in HALS");
    for (size_t q = 0; q < k * k; q++)
        g[q] = sp->g[q] + sp->pen.l1sq;
    for (size_t t = 0; t < k; t++)
        g[t * k + t] += sp->pen.l2;
    int sweeps = max_sweeps(st, sp);
    double first = 0.0;
    for (int s = 0; s < sweeps; s++) {
#pragma omp parallel for schedule(static) num_threads(st->threads)
        for (long b = 0; b < (long)nblocks; b++) {
            size_t lo = (size_t)b * NT_NMF_BLOCK;
            size_t hi = lo + NT_NMF_BLOCK < sp->rows ? lo + NT_NMF_BLOCK : sp->rows;
            part[b] = sweep_rows(sp->x, sp->p, g, sp->pen.l1, k, lo, hi);
        }
        double change = 0.0;
        for (size_t b = 0; b < nblocks; b++)
            change += part[b];
        if (s == 0)
            first = change;
        else if (change <= HALS_DELTA * HALS_DELTA * first)
            break;
    }
    free(part);
    return NT_OK;
}
