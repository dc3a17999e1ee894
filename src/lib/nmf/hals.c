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
 * are processed in blocks of HALS_ROWS held transposed (topic-major, rows side by side), so
 * each coordinate step, gradient included, is a vector operation across the rows; stopped
 * rows are masked. The arithmetic of each row is the same as solving it alone, and blocks
 * are fixed by row index, so the result does not depend on the thread count. While a block
 * is in cache, its part of the Gram matrix x^T x of the new factor is added up too (per
 * chunk of NT_NMF_BLOCK rows, chunks summed in order), sparing the driver a pass over x. */
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_internal.h"

#define HALS_ALPHA 0.5
#define HALS_DELTA 0.1
#define HALS_ROWS 8 /* rows per block, the lanes of hals_vec */
#define HALS_CHUNK (NT_NMF_BLOCK / HALS_ROWS) /* blocks per chunk, the unit of a Gram sum */

/* The penalised Gram matrix of a subproblem and what a coordinate step needs of its diagonal. */
typedef struct hals_gram {
    double *g;         /* k x k, size k*k */
    double *inv_diag;  /* 1 / G_tt, or 0 where G_tt = 0, size k */
    double *keep;      /* 1 where G_tt > 0, else 0: an empty topic's entries are cleared, size k */
} hals_gram;

/* The HALS_ROWS values of one topic in a block as one GCC vector: a single AVX-512 register,
 * two AVX or four SSE ones. Lane c is row c of the block, so every row sees the same
 * arithmetic whatever the register width. Block buffers are aligned to the vector size. */
typedef double hals_vec __attribute__((vector_size(HALS_ROWS * sizeof(double))));
typedef long long hals_mask __attribute__((vector_size(HALS_ROWS * sizeof(double))));

/* *out = sum_q x_q G_tq + pv_t over the rows of a block, x as it stands. Four partial sums
 * (q mod 4) keep the dependency chains short; the order is fixed, so every thread count and
 * register width gives the same value. */
static inline void gradient_sum(const hals_vec *xv, const hals_vec *pv, const double *gt,
                                size_t k, size_t t, hals_vec *out)
{
    const hals_vec zero = {0.0};
    hals_vec s0 = pv[t], s1 = zero, s2 = zero, s3 = zero;
    size_t q = 0;
    for (; q + 4 <= k; q += 4) {
        s0 += xv[q] * gt[q];
        s1 += xv[q + 1] * gt[q + 1];
        s2 += xv[q + 2] * gt[q + 2];
        s3 += xv[q + 3] * gt[q + 3];
    }
    for (; q < k; q++)
        s0 += xv[q] * gt[q];
    *out = (s0 + s1) + (s2 + s3);
}

/* One sweep over the k coordinates of a transposed block; adds each active row's squared
 * change. Coordinate t needs grad_t = sum_q x_q G_qt + l1 - p_t of the current x (k
 * multiply-adds per row), then moves x_t <- max(0, x_t - grad_t / G_tt) (NaN gives 0) in the
 * active rows; an entry clipped to 0 moves by exactly -x, so it becomes an exact zero. Each
 * coordinate waits for the one before, so the sum for t + 1 is formed while x_t is being
 * updated, with x_t's old value, and corrected by d_t G_{t+1,t} once its change d_t is
 * known: the k multiply-adds leave the chain from one coordinate to the next, which is then
 * one update and one multiply-add long. */
static inline void block_sweep(hals_vec *restrict xv, const hals_vec *restrict pv,
                               const hals_gram *hg, size_t k, const hals_vec *active,
                               hals_vec *change)
{
    const hals_vec zero = {0.0};
    hals_vec next;
    gradient_sum(xv, pv, hg->g, k, 0, &next);
    for (size_t t = 0; t < k; t++) {
        hals_vec grad = next;
        if (t + 1 < k)
            gradient_sum(xv, pv, hg->g + (t + 1) * k, k, t + 1, &next);
        hals_vec v = xv[t] - grad * hg->inv_diag[t];
        v = (hals_vec)((hals_mask)(v > zero) & (hals_mask)v);
        hals_vec d = (v * hg->keep[t] - xv[t]) * *active;
        *change += d * d;
        xv[t] += d;
        if (t + 1 < k)
            next += d * hg->g[(t + 1) * k + t];
    }
}

/* A thread's buffers: one transposed block, its right-hand sides, and the Gram matrix of the
 * finished blocks of the current chunk, one vector per (t, q) with t <= q. */
typedef struct hals_work {
    hals_vec *xv;    /* size k */
    hals_vec *pv;    /* size k */
    hals_vec *gram;  /* size k*k, NULL when no Gram matrix is wanted */
} hals_work;

/* Rows [0, nrows) of x (nrows <= HALS_ROWS) and their right-hand sides p: transposes them into
 * xv and l1 - p into pv, sweeps, writes the rows back and adds their Gram matrix to work's.
 * Missing rows of a short block are zero and stay zero. */
NT_NMF_VECTOR_CLONES
static void solve_block(double *restrict x, const double *restrict p, size_t nrows,
                        const hals_gram *hg, double l1, size_t k, int sweeps,
                        const hals_work *work)
{
    hals_vec *restrict xv = work->xv, *restrict pv = work->pv;
    double *xb = (double *)xv, *pb = (double *)pv;
    for (size_t c = 0; c < HALS_ROWS; c++)
        for (size_t t = 0; t < k; t++) {
            xb[t * HALS_ROWS + c] = c < nrows ? x[c * k + t] : 0.0;
            pb[t * HALS_ROWS + c] = c < nrows ? l1 - p[c * k + t] : 0.0;
        }
    hals_vec first = {0.0}, active = {0.0};
    active += 1.0;
    block_sweep(xv, pv, hg, k, &active, &first);
    const hals_vec limit = first * (HALS_DELTA * HALS_DELTA);
    for (int s = 1; s < sweeps; s++) {
        hals_vec change = {0.0};
        block_sweep(xv, pv, hg, k, &active, &change);
        /* A row whose sweep changed it by less than delta times its first sweep stops. */
        active = (hals_vec)((hals_mask)(change > limit) & (hals_mask)active);
        double left[HALS_ROWS];
        memcpy(left, &active, sizeof left);
        int any = 0;
        for (int c = 0; c < HALS_ROWS; c++)
            any |= left[c] != 0.0;
        if (!any)
            break;
    }
    for (size_t c = 0; c < nrows; c++)
        for (size_t t = 0; t < k; t++)
            x[c * k + t] = xb[t * HALS_ROWS + c];
    if (work->gram)
        for (size_t t = 0; t < k; t++)
            for (size_t q = t; q < k; q++)
                work->gram[t * k + q] += xv[t] * xv[q];
}

/* Rows of chunk c (HALS_CHUNK blocks): solves them block by block and stores the chunk's
 * Gram matrix, its lanes added in order, in chunk_gram (k x k, both triangles). */
static void solve_chunk(const nt_nmf_subproblem *sp, const hals_gram *hg, size_t k, int sweeps,
                        long c, const hals_work *work, double *chunk_gram)
{
    size_t r_end = ((size_t)c + 1) * HALS_CHUNK * HALS_ROWS;
    if (work->gram)
        memset(work->gram, 0, k * k * sizeof *work->gram);
    for (size_t r0 = (size_t)c * HALS_CHUNK * HALS_ROWS; r0 < sp->rows && r0 < r_end;
         r0 += HALS_ROWS) {
        size_t nr = sp->rows - r0 < HALS_ROWS ? sp->rows - r0 : HALS_ROWS;
        solve_block(sp->x + r0 * k, sp->p + r0 * k, nr, hg, sp->pen.l1, k, sweeps, work);
    }
    if (!work->gram)
        return;
    for (size_t t = 0; t < k; t++)
        for (size_t q = t; q < k; q++) {
            double lanes[HALS_ROWS], sum = 0.0;
            memcpy(lanes, &work->gram[t * k + q], sizeof lanes);
            for (int l = 0; l < HALS_ROWS; l++)
                sum += lanes[l];
            chunk_gram[t * k + q] = chunk_gram[q * k + t] = sum;
        }
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
    size_t k = st->k, nchunks = (sp->rows + HALS_CHUNK * HALS_ROWS - 1) / (HALS_CHUNK * HALS_ROWS);
    int with_gram = sp->gram_out != NULL;
    /* Per thread: xv and pv (k vectors each), the chunk Gram (k*k vectors) when wanted. */
    size_t per_thread = (2 + (with_gram ? k : 0)) * k;
    hals_gram hg;
    hals_vec *bufs = NULL;
    double *chunk_grams = NULL;
    int rc = gram_setup(&hg, sp, k);
    if (rc == NT_OK) {
        bufs = aligned_alloc(sizeof(hals_vec), (size_t)st->threads * per_thread * sizeof *bufs);
        chunk_grams = with_gram ? malloc(nchunks * k * k * sizeof *chunk_grams) : NULL;
        rc = !bufs || (with_gram && !chunk_grams) ? NT_ENOMEM : NT_OK;
    }
    if (rc == NT_OK) {
        int sweeps = max_sweeps(st, sp);
        int big = (double)sp->rows * (double)(k * k) * sweeps >= NT_NMF_PARALLEL_MIN;
        /* Rows stop sweeping at different times, so chunks differ in cost (on spamassassin a
         * static split left one of two threads idle ~15% of each half-step); any thread may
         * take any chunk, as its rows and its Gram sum depend on the chunk alone. */
#pragma omp parallel for schedule(dynamic) num_threads(st->threads) if (big)
        for (long c = 0; c < (long)nchunks; c++) {
            hals_vec *b = bufs + (size_t)omp_get_thread_num() * per_thread;
            hals_work work = {b, b + k, with_gram ? b + 2 * k : NULL};
            solve_chunk(sp, &hg, k, sweeps, c, &work, with_gram ? chunk_grams + c * k * k : NULL);
        }
        if (with_gram) {
            memset(sp->gram_out, 0, k * k * sizeof *sp->gram_out);
            for (size_t c = 0; c < nchunks; c++)
                for (size_t q = 0; q < k * k; q++)
                    sp->gram_out[q] += chunk_grams[c * k * k + q];
            *sp->gram_done = 1;
        }
    }
    free(bufs);
    free(chunk_grams);
    free(hg.g);
    return rc == NT_OK ? NT_OK : nt_error_set(err, NT_ENOMEM, "out of memory in HALS");
}
