/* missing_solve.c: weighted HALS for one factor: every row against the Gram matrix of its own
 * observed entries.
 *
 * Update rule. With unknown entries the loss is 1/2 sum over observed (i, j) in O of
 * (a_ij - w_i h_j)^2, a weighted least-squares problem with 0/1 weights, so each row i of W
 * has its own normal equations
 *   G_i = sum_{j in O_i} h_j h_j^T,   p_i = sum_{j in O_i} a_ij h_j
 * (columns of H likewise with the rows of W), and moves by coordinate descent sweeps
 *   w_it <- max(0, w_it - ((w_i G_i)_t - p_it + l1) / (G_i)_tt),
 * the penalties folded into G_i and p_i as in hals.c. This is HALS / rank-one residue
 * iteration with weights (N.-D. Ho, "Nonnegative matrix factorization algorithms and
 * applications", PhD thesis, UCLouvain 2008, ch. 6; Y.-D. Kim and S. Choi, "Weighted
 * nonnegative matrix factorization", ICASSP 2009), with the per-row Gram matrices of
 * RcppML's masked updates (DeBruine et al., mask_zeros). Every step minimises the loss
 * along one coordinate exactly, so the loss never increases. Forming G_i costs
 * |O_i| k(k+1)/2, so this suits matrices with few observed entries (ratings); held-out
 * entries of an otherwise complete matrix go through missing_em.c instead.
 * Sweeps are cheap next to forming the systems, so as in accelerated HALS (Gillis & Glineur
 * 2012) each row gets up to 1 + alpha * rho of them, rho = 1 + (cost of the systems) /
 * (cost of the sweeps), and stops once a sweep changes it by less than delta^2 times what
 * its first sweep did (alpha = 0.5, delta = 0.1 as in the paper). */
#include <omp.h>
#include <string.h>

#include "missing.h"

#define MISSING_ALPHA 0.5
#define MISSING_DELTA 0.1

/* g (k x k) and p (k) of group r, before penalties. The whole square is accumulated (twice
 * the arithmetic of one triangle, but in contiguous rows the compiler vectorises, with no
 * mirroring pass); zero weights of the other factor, common in NMF, are skipped. */
NT_NMF_VECTOR_CLONES
static void row_system(const nt_nmf_entries *e, size_t r, const double *restrict y, size_t k,
                       double *restrict g, double *restrict p)
{
    memset(g, 0, k * k * sizeof *g);
    memset(p, 0, k * sizeof *p);
    for (size_t e0 = e->start[r]; e0 < e->start[r + 1]; e0++) {
        const double *restrict yc = y + (size_t)e->idx[e0] * k;
        double v = e->val[e0];
        for (size_t t = 0; t < k; t++) {
            double s = yc[t];
            if (s == 0.0)
                continue;
            p[t] += s * v;
            for (size_t q = 0; q < k; q++)
                g[t * k + q] += s * yc[q];
        }
    }
}

/* Penalties folded in (see nt_nmf_penalty), then the sweeps on row x (size k). The gradient
 * grad = x G - p + l1 is kept up to date (grad += d G_t after a step d on coordinate t);
 * it overwrites p. G is symmetric, so its rows serve as columns. */
NT_NMF_VECTOR_CLONES
static void row_sweeps(double *restrict x, double *restrict g, double *restrict p,
                       const nt_nmf_penalty *pen, size_t k, int sweeps)
{
    double *restrict grad = p;
    for (size_t t = 0; t < k; t++) {
        for (size_t q = 0; q < k; q++)
            g[t * k + q] += pen->l1sq;
        g[t * k + t] += pen->l2;
        grad[t] = pen->l1 - p[t];
    }
    for (size_t q = 0; q < k; q++)
        if (x[q] != 0.0)
            for (size_t t = 0; t < k; t++)
                grad[t] += x[q] * g[q * k + t];
    double first = 0.0;
    for (int sweep = 0; sweep < sweeps; sweep++) {
        double change = 0.0;
        for (size_t t = 0; t < k; t++) {
            const double *restrict gt = g + t * k;
            /* A zero diagonal: x_t does not change the fit, and 0 minimises the penalty. */
            double v = gt[t] > 0.0 ? x[t] - grad[t] / gt[t] : 0.0;
            double d = (v > 0.0 ? v : 0.0) - x[t];
            if (d == 0.0)
                continue;
            x[t] += d;
            change += d * d;
            for (size_t q = 0; q < k; q++)
                grad[q] += d * gt[q];
        }
        if (sweep == 0)
            first = change;
        else if (change <= MISSING_DELTA * MISSING_DELTA * first)
            break;
    }
}

/* 1 + alpha * rho sweeps: forming the systems costs k(k+1)/2 per observed entry, a sweep
 * of all rows rows * k(k+1). */
static int max_sweeps(const nt_nmf_state *st, const nt_nmf_observed *obs, size_t rows)
{
    double k = (double)st->k, listed = (double)obs->by_row.start[st->m];
    double rho = 1.0 + listed * k * (k + 1.0) / 2.0 / ((double)rows * k * (k + 1.0));
    return 1 + (int)(MISSING_ALPHA * rho);
}

void nt_nmf_observed_solve(nt_nmf_state *st, nt_nmf_observed *obs, int side)
{
    int is_w = side == NT_NMF_SIDE_W;
    size_t k = st->k;
    double *x = is_w ? st->w : st->ht;
    const double *y = is_w ? st->ht : st->w;
    const nt_nmf_entries *e = is_w ? &obs->by_row : &obs->by_col;
    const nt_nmf_penalty pen = is_w ? st->pen_w : st->pen_h;
    int sweeps = max_sweeps(st, obs, e->groups);
    /* Rows are independent, so any schedule gives the same result; list lengths vary. */
#pragma omp parallel for schedule(dynamic, 64) num_threads(st->threads)
    for (long r = 0; r < (long)e->groups; r++) {
        double *g = obs->work + (size_t)omp_get_thread_num() * (k * k + k), *p = g + k * k;
        row_system(e, (size_t)r, y, k, g, p);
        row_sweeps(x + (size_t)r * k, g, p, &pen, k, sweeps);
    }
}
