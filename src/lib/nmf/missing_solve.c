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
 * along one coordinate exactly, so the loss never increases.
 *
 * The lists hold O_i itself (missing absent) or its complement, the held-out entries M_i
 * (missing zero), when G_i = H H^T - sum_{j in M_i} h_j h_j^T and p_i = (A H^T)_i -
 * sum_{j in M_i} a_ij h_j: whichever is shorter, at |list| * k^2 / 2 per row.
 * Building G_i costs more than a sweep, so each row gets up to MISSING_SWEEPS sweeps,
 * stopping as accelerated HALS does (Gillis & Glineur 2012) once a sweep changes the row
 * by less than delta^2 times what the first did. */
#include <omp.h>

#include "missing.h"

#define MISSING_SWEEPS 10
#define MISSING_DELTA 0.1

/* Rounding in G_i = H H^T - (held-out part) can leave a tiny positive diagonal where the
 * exact value is zero; below this share of the full diagonal it counts as zero. */
#define MISSING_CANCEL 1e-12

/* g (k x k) and p (k) of group r, before penalties. */
static void row_system(const nt_nmf_observed *obs, const nt_nmf_entries *e, size_t r,
                       const double *y, const double *base_g, const double *base_p, size_t k,
                       double *g, double *p)
{
    double sign = obs->complement ? -1.0 : 1.0;
    for (size_t t = 0; t < k; t++) {
        p[t] = obs->complement ? base_p[r * k + t] : 0.0;
        for (size_t q = t; q < k; q++)
            g[t * k + q] = obs->complement ? base_g[t * k + q] : 0.0;
    }
    for (size_t e0 = e->start[r]; e0 < e->start[r + 1]; e0++) {
        const double *yc = y + (size_t)e->idx[e0] * k;
        double v = e->val[e0];
        for (size_t t = 0; t < k; t++) {
            double s = sign * yc[t];
            p[t] += s * v;
            for (size_t q = t; q < k; q++)
                g[t * k + q] += s * yc[q];
        }
    }
    for (size_t t = 0; t < k; t++) {
        p[t] = p[t] > 0.0 ? p[t] : 0.0;
        if (obs->complement && g[t * k + t] <= MISSING_CANCEL * base_g[t * k + t])
            g[t * k + t] = 0.0;
        for (size_t q = t; q < k; q++) {
            double v = g[t * k + q] > 0.0 ? g[t * k + q] : 0.0;
            g[t * k + q] = g[q * k + t] = v;
        }
    }
}

/* Penalties folded in (see nt_nmf_penalty), then the sweeps on row x (size k). The gradient
 * grad = x G - p + l1 is kept up to date (grad += d G_t after a step d on coordinate t);
 * it overwrites p. */
static void row_sweeps(double *x, double *g, double *p, const nt_nmf_penalty *pen, size_t k)
{
    for (size_t q = 0; q < k * k; q++)
        g[q] += pen->l1sq;
    for (size_t t = 0; t < k; t++)
        g[t * k + t] += pen->l2;
    double *grad = p;
    for (size_t t = 0; t < k; t++) {
        double s = pen->l1 - p[t];
        for (size_t q = 0; q < k; q++)
            s += x[q] * g[q * k + t];
        grad[t] = s;
    }
    double first = 0.0;
    for (int sweep = 0; sweep < MISSING_SWEEPS; sweep++) {
        double change = 0.0;
        for (size_t t = 0; t < k; t++) {
            const double *gt = g + t * k;
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

void nt_nmf_missing_solve(nt_nmf_state *st, nt_nmf_observed *obs, int side)
{
    int is_w = side == NT_NMF_SIDE_W;
    size_t k = st->k;
    double *x = is_w ? st->w : st->ht;
    const double *y = is_w ? st->ht : st->w;
    const nt_nmf_entries *e = is_w ? &obs->by_row : &obs->by_col;
    const double *base_g = is_w ? st->gh : st->gw, *base_p = is_w ? st->aht : st->atw;
    const nt_nmf_penalty pen = is_w ? st->pen_w : st->pen_h;
    /* Rows are independent, so any schedule gives the same result; list lengths vary. */
#pragma omp parallel for schedule(dynamic, 64) num_threads(st->threads)
    for (long r = 0; r < (long)e->groups; r++) {
        double *g = obs->work + (size_t)omp_get_thread_num() * (k * k + k), *p = g + k * k;
        row_system(obs, e, (size_t)r, y, base_g, base_p, k, g, p);
        row_sweeps(x + (size_t)r * k, g, p, &pen, k);
    }
}
