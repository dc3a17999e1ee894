/* hals.c: accelerated hierarchical alternating least squares for one factor.
 *
 * Update rule (HALS, Cichocki & Phan 2009; equivalently cyclic coordinate descent): with the
 * other factor fixed, each entry in turn moves to the minimiser of the objective along it,
 *   x_rt <- max(0, x_rt - grad_rt / G_tt),   grad_r = x_r G - p_r,
 * where G = g + l2 I + l1sq 11^T and p = p - l1 fold the penalties in. Acceleration (Gillis &
 * Glineur, "Accelerated multiplicative updates and hierarchical alternating least squares
 * algorithms for NMF", Neural Computation 24(4), 2012): the product with A is the expensive
 * part, so several sweeps reuse it, at most 1 + alpha * rho where rho is the cost of the
 * product and Gram matrix relative to one sweep, stopping once a sweep changes x by less than
 * delta times what the first sweep did (alpha = 0.5, delta = 0.1 as in the paper).
 *
 * Rows of x are independent problems, so each row applies the stopping test to its own
 * changes (a row stops sweeping once its sweep changed it by less than delta times its first
 * sweep); rows that converge fast stop early and slow rows get more sweeps. For speed, rows
 * are processed in blocks of HALS_ROWS held transposed (topic-major, rows side by side): a
 * coordinate step is then a vector operation across the rows, the gradient is kept up to
 * date by rank-one updates (grad += d G_t) instead of recomputed, and stopped rows are masked.
 * The arithmetic of each row is the same as solving it alone, and blocks are fixed by row
 * index, so the result does not depend on the thread count. */
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_internal.h"

#define HALS_ALPHA 0.5
#define HALS_DELTA 0.1
#define HALS_ROWS 8 /* two vectors of four, see hals_vec */

/* The penalised Gram matrix of a subproblem and what a coordinate step needs of its diagonal. */
typedef struct hals_gram {
    double *g;         /* k x k, size k*k */
    double *inv_diag;  /* 1 / G_tt, or 0 where G_tt = 0, size k */
    double *keep;      /* 1 where G_tt > 0, else 0: an empty topic's entries are cleared, size k */
} hals_gram;

/* True when any of the HALS_ROWS values is nonzero. */
static inline int any_nonzero(const double *v)
{
    int any = 0;
    for (int c = 0; c < HALS_ROWS; c++)
        any |= v[c] != 0.0;
    return any;
}

/* Four doubles as one GCC vector (one AVX register, two SSE ones); a block row of HALS_ROWS
 * values is two of them. Block buffers are aligned to the vector size. */
typedef double hals_vec __attribute__((vector_size(4 * sizeof(double))));

/* gb += v * G_t, a rank-one update of the transposed gradient by one row of G. */
static inline void rank_one(double *restrict gb, const double *restrict v,
                            const double *restrict gt, size_t k)
{
    hals_vec *g = (hals_vec *)gb, v0, v1;
    memcpy(&v0, v, sizeof v0);
    memcpy(&v1, v + 4, sizeof v1);
    for (size_t q = 0; q < k; q++) {
        g[2 * q] += v0 * gt[q];
        g[2 * q + 1] += v1 * gt[q];
    }
}

/* One sweep over the k coordinates of a transposed block; adds each row's squared change.
 * Coordinates that stay put in every row of the block (often: entries held at zero) skip
 * the gradient update. */
static inline void block_sweep(double *restrict xb, double *restrict gb, const hals_gram *hg,
                               size_t k, const double *restrict active, double *restrict change)
{
    for (size_t t = 0; t < k; t++) {
        double *restrict xt = xb + t * HALS_ROWS, d[HALS_ROWS];
        const double id = hg->inv_diag[t], keep = hg->keep[t];
        for (int c = 0; c < HALS_ROWS; c++) {
            double v = xt[c] - gb[t * HALS_ROWS + c] * id;
            v = (v > 0.0 ? v : 0.0) * keep;
            d[c] = (v - xt[c]) * active[c];
            xt[c] = active[c] != 0.0 ? v : xt[c];
            change[c] += d[c] * d[c];
        }
        if (any_nonzero(d))
            rank_one(gb, d, hg->g + t * k, k);
    }
}

/* Rows [0, nrows) of x (nrows <= HALS_ROWS) and their right-hand sides p: transposes them into
 * xb, forms grad = x G - p + l1 in gb, sweeps, and writes the rows back. Missing rows of a
 * short block are zero and stay zero. */
NT_NMF_VECTOR_CLONES
static void solve_block(double *restrict x, const double *restrict p, size_t nrows,
                        const hals_gram *hg, double l1, size_t k, int sweeps,
                        double *restrict xb, double *restrict gb)
{
    for (size_t c = 0; c < HALS_ROWS; c++)
        for (size_t t = 0; t < k; t++) {
            xb[t * HALS_ROWS + c] = c < nrows ? x[c * k + t] : 0.0;
            gb[t * HALS_ROWS + c] = c < nrows ? l1 - p[c * k + t] : 0.0;
        }
    for (size_t t = 0; t < k; t++)
        if (any_nonzero(xb + t * HALS_ROWS))
            rank_one(gb, xb + t * HALS_ROWS, hg->g + t * k, k);
    double first[HALS_ROWS] = {0.0}, active[HALS_ROWS];
    for (int c = 0; c < HALS_ROWS; c++)
        active[c] = 1.0;
    block_sweep(xb, gb, hg, k, active, first);
    for (int s = 1; s < sweeps; s++) {
        double change[HALS_ROWS] = {0.0};
        block_sweep(xb, gb, hg, k, active, change);
        /* A row whose sweep changed it by less than delta times its first sweep stops. */
        int any = 0;
        for (int c = 0; c < HALS_ROWS; c++) {
            active[c] = active[c] != 0.0 && change[c] > HALS_DELTA * HALS_DELTA * first[c];
            any |= active[c] != 0.0;
        }
        if (!any)
            break;
    }
    for (size_t c = 0; c < nrows; c++)
        for (size_t t = 0; t < k; t++)
            x[c * k + t] = xb[t * HALS_ROWS + c];
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

/* Fills hg from the subproblem's Gram matrix and penalties; NULL members if out of memory. */
static int gram_setup(hals_gram *hg, const nt_nmf_subproblem *sp, size_t k)
{
    hg->g = malloc((k * k + 2 * k) * sizeof *hg->g);
    if (!hg->g)
        return NT_ENOMEM;
    hg->inv_diag = hg->g + k * k;
    hg->keep = hg->inv_diag + k;
    for (size_t q = 0; q < k * k; q++)
        hg->g[q] = sp->g[q] + sp->pen.l1sq;
    for (size_t t = 0; t < k; t++) {
        double d = hg->g[t * k + t] += sp->pen.l2;
        hg->inv_diag[t] = d > 0.0 ? 1.0 / d : 0.0;
        hg->keep[t] = d > 0.0 ? 1.0 : 0.0;
    }
    return NT_OK;
}

int nt_nmf_hals_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err)
{
    size_t k = st->k;
    hals_gram hg;
    if (gram_setup(&hg, sp, k) != NT_OK)
        return nt_error_set(err, NT_ENOMEM, "out of memory in HALS");
    int sweeps = max_sweeps(st, sp);
    long nblocks = (long)((sp->rows + HALS_ROWS - 1) / HALS_ROWS);
    size_t per_thread = 2 * HALS_ROWS * k; /* a transposed block and its gradient */
    double *bufs = aligned_alloc(sizeof(hals_vec), (size_t)st->threads * per_thread * sizeof *bufs);
    if (!bufs) {
        free(hg.g);
        return nt_error_set(err, NT_ENOMEM, "out of memory in HALS");
    }
#pragma omp parallel for schedule(static) num_threads(st->threads) if (nblocks > 1)
    for (long b = 0; b < nblocks; b++) {
        double *buf = bufs + (size_t)omp_get_thread_num() * per_thread;
        size_t r0 = (size_t)b * HALS_ROWS;
        size_t nr = sp->rows - r0 < HALS_ROWS ? sp->rows - r0 : HALS_ROWS;
        solve_block(sp->x + r0 * k, sp->p + r0 * k, nr, &hg, sp->pen.l1, k, sweeps, buf,
                    buf + HALS_ROWS * k);
    }
    free(bufs);
    free(hg.g);
    return NT_OK;
}
