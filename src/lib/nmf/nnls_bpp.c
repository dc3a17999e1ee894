/* nnls_bpp.c: block principal pivoting for NNLS with many right-hand sides.
 *
 * Kim & Park, "Fast nonnegative matrix factorization: an active-set-like method and
 * comparisons", SIAM J. Sci. Comput. 33(6), 2011, Algorithms 1 and 2. For each right-hand
 * side, min_{x >= 0} ||C x - b|| is solved through the normal equations only:
 * G = C^T C, c = C^T b (minus the L1 weight). A passive set F splits the unknowns; the
 * pair (x, y) with x_F = G_FF^{-1} c_F, x_notF = 0, y = G x - c (so y_F = 0) is optimal
 * when x_F >= 0 and y_notF >= 0. The infeasible set V = {i in F: x_i < 0} u
 * {i notin F: y_i < -tol} is exchanged between F and its complement:
 *   - full exchange (F <- F xor V) while |V| keeps reaching a new minimum, and for at
 *     most NT_NNLS_FULL_TRIES further rounds without a new minimum;
 *   - then the backup rule: flip only the largest index in V (Murty's single principal
 *     pivoting, which is finite), until |V| reaches a new minimum again.
 * Right-hand sides sharing a passive set share one Cholesky factorisation of G_FF, found
 * by sorting pattern hashes (nnls_passive.c).
 *
 * Tolerance: y_i counts as negative below -tol_j, tol_j = NT_NNLS_RTOL * (max_i |c_ij| +
 * max_i G_ii * max_i |x_ij|), the scale of the rounding error in y; x_i is infeasible
 * below 0 exactly, and the returned x is clamped at 0. The backup rule is finite in exact
 * arithmetic; as a guard against cycling by rounding, a column still infeasible after
 * 10k + 100 rounds is left as it is (clamped) and counted in nt_nnls_stats.unconverged.
 * Singular G: an unknown with G_ii <= 0 (an all-zero column of C) is held at 0 and never
 * enters F. A passive system G_FF that is otherwise singular (e.g. two equal columns of
 * C) is factored with a small ridge (nnls_passive.c), which picks a near-minimum-norm
 * solution among the equally good ones.
 * Right-hand sides are solved in fixed blocks of NT_NNLS_CHUNK columns, one block per
 * OpenMP task, so the result does not depend on the thread count. */
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>

#include "nnls_passive.h"

#define NT_NNLS_FULL_TRIES 3   /* Kim & Park's p-bar */
#define NT_NNLS_RTOL 1e-11

struct nt_nnls_workspace {
    size_t k;
    int threads;
    struct nt_nnls_block *blocks;  /* size threads */
    unsigned char *dead;           /* G_ii <= 0: unknown held at 0, size k */
};

static void block_free(struct nt_nnls_block *b)
{
    free(b->B), free(b->X), free(b->Y), free(b->R), free(b->Gp), free(b->bmax);
    free(b->F), free(b->alpha), free(b->best), free(b->todo), free(b->pidx), free(b->keys);
}

static int block_alloc(struct nt_nnls_block *b, size_t k)
{
    size_t kc = k * NT_NNLS_CHUNK, c = NT_NNLS_CHUNK;
    b->B = malloc(kc * sizeof *b->B), b->X = malloc(kc * sizeof *b->X);
    b->Y = malloc(kc * sizeof *b->Y), b->R = malloc(kc * sizeof *b->R);
    b->Gp = malloc(k * k * sizeof *b->Gp), b->bmax = malloc(c * sizeof *b->bmax);
    b->F = malloc(kc), b->alpha = malloc(c * sizeof(int)), b->best = malloc(c * sizeof(int));
    b->todo = malloc(c * sizeof(int)), b->pidx = malloc(k * sizeof(int));
    b->keys = malloc(c * sizeof *b->keys);
    return b->B && b->X && b->Y && b->R && b->Gp && b->bmax && b->F && b->alpha && b->best
        && b->todo && b->pidx && b->keys;
}

nt_nnls_workspace *nt_nnls_workspace_create(size_t k, int threads)
{
    if (k == 0 || k > INT32_MAX / NT_NNLS_CHUNK || threads < 1)
        return NULL;
    nt_nnls_workspace *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->k = k;
    ws->threads = threads;
    ws->blocks = calloc((size_t)threads, sizeof *ws->blocks);
    ws->dead = malloc(k);
    int ok = ws->blocks && ws->dead;
    for (int t = 0; ok && t < threads; t++)
        ok = block_alloc(&ws->blocks[t], k);
    if (!ok) {
        nt_nnls_workspace_free(ws);
        return NULL;
    }
    return ws;
}

void nt_nnls_workspace_free(nt_nnls_workspace *ws)
{
    if (!ws)
        return;
    for (int t = 0; ws->blocks && t < ws->threads; t++)
        block_free(&ws->blocks[t]);
    free(ws->blocks);
    free(ws->dead);
    free(ws);
}

/* Is unknown i of the block column at offset `off` infeasible? tol: the column's tolerance.
 * A solve leaves y = 0 on F and x = 0 off F, so x < 0 can only be an infeasible passive
 * unknown and y < -tol an infeasible active one: no need to look at F (nor to branch). */
static int infeasible(const struct nt_nnls_chunk *ch, size_t off, int i, double tol)
{
    const struct nt_nnls_block *b = ch->b;
    return (ch->dead[i] == 0) & ((b->X[off + i] < 0) | (b->Y[off + i] < -tol));
}

static double column_tolerance(const struct nt_nnls_chunk *ch, int a)
{
    const double *x = ch->b->X + (size_t)a * ch->k;
    double xmax = 0;
    for (int i = 0; i < ch->k; i++)
        xmax = x[i] > xmax ? x[i] : xmax;
    return NT_NNLS_RTOL * (ch->b->bmax[a] + ch->gmax * xmax);
}

/* Counts column a's infeasible unknowns (held unknowns excluded). */
static int count_infeasible(const struct nt_nnls_chunk *ch, int a, double tol)
{
    int n = 0;
    for (int i = 0; i < ch->k; i++)
        n += infeasible(ch, (size_t)a * ch->k, i, tol);
    return n;
}

/* Applies the full-exchange rule or the backup single exchange to column a. */
static void exchange(struct nt_nnls_chunk *ch, int a, int ninf, double tol)
{
    struct nt_nnls_block *b = ch->b;
    unsigned char *f = b->F + (size_t)a * ch->k;
    int full = 1;
    if (ninf < b->best[a])
        b->best[a] = ninf, b->alpha[a] = NT_NNLS_FULL_TRIES;
    else if (b->alpha[a] > 0)
        b->alpha[a]--;
    else
        full = 0;
    for (int i = ch->k - 1; i >= 0; i--)
        if (infeasible(ch, (size_t)a * ch->k, i, tol)) {
            f[i] = !f[i];
            if (!full)
                break;
        }
}

/* Copies the block's right-hand sides (minus l1) and starting passive sets in.
 * Returns NT_ENUMERIC when a right-hand side is not finite. */
static int chunk_load(struct nt_nnls_chunk *ch, const double *X, int warm)
{
    int finite = 1;
    struct nt_nnls_block *b = ch->b;
    const size_t k = (size_t)ch->k;
    for (int a = 0; a < ch->c; a++) {
        double bm = 0;
        for (int i = 0; i < ch->k; i++) {
            size_t at = (size_t)a * k + i, src = (ch->j0 + (size_t)a) * k + i;
            double x = warm ? X[src] : 0;
            b->B[at] = ch->p->CtB[src] - ch->p->l1;
            bm = fabs(b->B[at]) > bm ? fabs(b->B[at]) : bm;
            finite &= isfinite(b->B[at]);
            b->F[at] = (x > 0) & (ch->dead[i] == 0);
            b->X[at] = 0;
            b->Y[at] = -b->B[at];
        }
        b->bmax[a] = bm;
        b->alpha[a] = NT_NNLS_FULL_TRIES;
        b->best[a] = ch->k + 1;
        b->todo[a] = a;
    }
    return finite ? NT_OK : NT_ENUMERIC;
}

/* Runs the pivoting on one block and copies the clamped solution out to X. */
static int chunk_solve(struct nt_nnls_chunk *ch, double *X, int warm, nt_nnls_stats *st)
{
    struct nt_nnls_block *b = ch->b;
    const int cap = 10 * ch->k + 100;
    int rc = chunk_load(ch, X, warm);
    if (rc == NT_OK && warm)
        rc = nt_nnls_solve_columns(ch, b->todo, ch->c);
    /* Only columns re-solved in the last round can have changed; optimal ones stay so. */
    int rounds = 0, ntodo = ch->c;
    while (rc == NT_OK && ntodo > 0) {
        int next = 0;
        for (int g = 0; g < ntodo; g++) {
            int a = b->todo[g];
            double tol = column_tolerance(ch, a);
            int ninf = count_infeasible(ch, a, tol);
            if (ninf > 0 && rounds == cap)
                st->unconverged++;
            else if (ninf > 0) {
                exchange(ch, a, ninf, tol);
                b->todo[next++] = a;
            }
        }
        ntodo = next;
        if (ntodo > 0) {
            rc = nt_nnls_solve_columns(ch, b->todo, ntodo);
            rounds++;
        }
    }
    st->rounds = rounds > st->rounds ? rounds : st->rounds;
    double *out = X + ch->j0 * (size_t)ch->k;
    for (size_t at = 0; at < (size_t)ch->c * (size_t)ch->k; at++)
        out[at] = b->X[at] > 0 ? b->X[at] : 0;
    return rc;
}

int nt_nnls_bpp_solve(nt_nnls_workspace *ws, const nt_nnls_problem *p, double *X, int warm,
                      nt_nnls_stats *stats, nt_error *err)
{
    if (p->k != ws->k)
        return nt_error_set(err, NT_EINVAL, "NNLS: problem has %zu unknowns, workspace %zu",
                            p->k, ws->k);
    const int k = (int)p->k;
    for (size_t i = 0; i < p->k * p->k; i++)
        if (!isfinite(p->G[i]))
            return nt_error_set(err, NT_ENUMERIC, "NNLS: Gram matrix entry %zu is %g", i, p->G[i]);
    double gmax = 0;
    for (int i = 0; i < k; i++) {
        double d = p->G[(size_t)i * (k + 1)];
        ws->dead[i] = !(d > 0);
        gmax = d > gmax ? d : gmax;
    }
    const long nchunks = (long)((p->r + NT_NNLS_CHUNK - 1) / NT_NNLS_CHUNK);
    int rc = NT_OK, rounds = 0;
    size_t unconverged = 0, ridged = 0;
#pragma omp parallel for num_threads(ws->threads) schedule(static, 1) \
    reduction(min : rc) reduction(max : rounds) reduction(+ : unconverged, ridged)
    for (long c = 0; c < nchunks; c++) {
        size_t j0 = (size_t)c * NT_NNLS_CHUNK;
        struct nt_nnls_chunk ch = {p, ws->dead, gmax, j0,
                                   (int)(p->r - j0 < NT_NNLS_CHUNK ? p->r - j0 : NT_NNLS_CHUNK),
                                   k, &ws->blocks[omp_get_thread_num()], 0};
        nt_nnls_stats st = {0, 0, 0};
        int crc = chunk_solve(&ch, X, warm, &st);
        rc = crc < rc ? crc : rc;
        rounds = st.rounds > rounds ? st.rounds : rounds;
        unconverged += st.unconverged;
        ridged += ch.ridged;
    }
    if (stats)
        *stats = (nt_nnls_stats){rounds, unconverged, ridged};
    if (rc != NT_OK)
        return nt_error_set(err, rc, "NNLS: a right-hand side is not finite, or a passive "
                                     "system could not be factored");
    return NT_OK;
}
