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
 * Right-hand sides sharing a passive set share one Cholesky factorisation of G_FF
 * (LAPACK dpotrf, then dpotrs for the whole group), found by sorting pattern hashes.
 *
 * Tolerance: y_i counts as negative below -tol_j, tol_j = NT_NNLS_RTOL * (max_i |c_ij| +
 * max_i G_ii * max_i |x_ij|), the scale of the rounding error in y; x_i is infeasible
 * below 0 exactly, and the returned x is clamped at 0.
 * Singular G: an unknown with G_ii <= 0 (an all-zero column of C) is held at 0 and never
 * enters F. A passive system G_FF that is otherwise singular (e.g. two equal columns of
 * C) is factored with a ridge of 1e-12, then 1e-10, 1e-8 times max diag(G_FF), which
 * picks a near-minimum-norm solution among the equally good ones.
 * Right-hand sides are solved in fixed blocks of NT_NNLS_CHUNK columns, one block per
 * OpenMP task, so the result does not depend on the thread count. */
#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nnls_bpp.h"

#define NT_NNLS_CHUNK 128      /* right-hand sides per independent block */
#define NT_NNLS_FULL_TRIES 3   /* Kim & Park's p-bar */
#define NT_NNLS_RTOL 1e-11

void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info);

struct nt_nnls_key {
    uint64_t hash;  /* hash of the passive-set pattern */
    int col;        /* column within the block */
};

/* One thread's buffers; every k x CHUNK block is column-major, a column per rhs. */
struct nt_nnls_block {
    double *B, *X, *Y, *R;     /* rhs, solution, gradient, group rhs: size k*CHUNK each */
    double *Gp;                /* G restricted to a passive set: size k*k */
    double *bmax;              /* max_i |c_ij| per column: size CHUNK */
    unsigned char *F;          /* passive-set flags: size k*CHUNK */
    int *alpha, *best, *todo;  /* backup-rule state and work list: size CHUNK each */
    int *pidx;                 /* indices of one passive set: size k */
    struct nt_nnls_key *keys;  /* size CHUNK */
};

struct nt_nnls_workspace {
    size_t k;
    int threads;
    struct nt_nnls_block *blocks;  /* size threads */
    unsigned char *dead;           /* G_ii <= 0: unknown held at 0, size k */
};

/* The problem, shared read-only, plus the block of columns one thread works on. */
struct nt_nnls_chunk {
    const nt_nnls_problem *p;
    const unsigned char *dead;
    double gmax;   /* max_i G_ii */
    size_t j0;     /* first column */
    int c;         /* columns in this block */
    int k;
    struct nt_nnls_block *b;
    size_t ridged;
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

/* Factors G_FF (+ ridge) into b->Gp; returns 0, or -1 when no ridge makes it definite. */
static int factor_passive(struct nt_nnls_chunk *ch, int q)
{
    const double *G = ch->p->G;
    const int *pidx = ch->b->pidx;
    double *Gp = ch->b->Gp, dmax = 0;
    for (int a = 0; a < q; a++)
        dmax = G[pidx[a] * (ch->k + 1)] > dmax ? G[pidx[a] * (ch->k + 1)] : dmax;
    static const double ridge[] = {0, 1e-12, 1e-10, 1e-8};
    for (size_t attempt = 0; attempt < sizeof ridge / sizeof ridge[0]; attempt++) {
        for (int a = 0; a < q; a++)
            for (int i = 0; i < q; i++)
                Gp[i + a * q] = G[pidx[i] + (size_t)pidx[a] * ch->k];
        for (int a = 0; a < q; a++)
            Gp[a * (q + 1)] += ridge[attempt] * dmax;
        int info;
        dpotrf_("L", &q, Gp, &q, &info);
        if (info == 0) {
            ch->ridged += attempt > 0;
            return 0;
        }
    }
    return -1;
}

/* Solves the columns keys[0..len) that share one passive set; updates X and Y. */
static int solve_group(struct nt_nnls_chunk *ch, const struct nt_nnls_key *keys, int len)
{
    struct nt_nnls_block *b = ch->b;
    const int k = ch->k;
    const unsigned char *F0 = b->F + (size_t)keys[0].col * k;
    int q = 0;
    for (int i = 0; i < k; i++)
        if (F0[i])
            b->pidx[q++] = i;
    if (q > 0) {
        if (factor_passive(ch, q) != 0)
            return NT_ENUMERIC;
        for (int g = 0; g < len; g++)
            for (int a = 0; a < q; a++)
                b->R[a + g * q] = b->B[b->pidx[a] + (size_t)keys[g].col * k];
        int info;
        dpotrs_("L", &q, &len, b->Gp, &q, b->R, &q, &info);
    }
    for (int g = 0; g < len; g++) {
        size_t off = (size_t)keys[g].col * k;
        double *x = b->X + off, *y = b->Y + off;
        const double *rhs = b->B + off, *xr = b->R + (size_t)g * q;
        memset(x, 0, (size_t)k * sizeof *x);
        for (int i = 0; i < k; i++)
            y[i] = -rhs[i];
        for (int a = 0; a < q; a++) {
            const double *Gcol = ch->p->G + (size_t)b->pidx[a] * k;
            x[b->pidx[a]] = xr[a];
            for (int i = 0; i < k; i++)
                y[i] += Gcol[i] * xr[a];
        }
        for (int a = 0; a < q; a++)
            y[b->pidx[a]] = 0;
    }
    return NT_OK;
}

static int key_compare(const void *pa, const void *pb)
{
    const struct nt_nnls_key *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return (a->col > b->col) - (a->col < b->col);
}

/* Re-solves the listed columns, grouping those whose passive sets are equal. */
static int solve_columns(struct nt_nnls_chunk *ch, const int *cols, int ncols)
{
    struct nt_nnls_block *b = ch->b;
    const int k = ch->k;
    for (int g = 0; g < ncols; g++) {
        const unsigned char *f = b->F + (size_t)cols[g] * k;
        uint64_t h = 1469598103934665603u;  /* FNV-1a */
        for (int i = 0; i < k; i++)
            h = (h ^ f[i]) * 1099511628211u;
        b->keys[g] = (struct nt_nnls_key){h, cols[g]};
    }
    qsort(b->keys, (size_t)ncols, sizeof *b->keys, key_compare);
    int rc = NT_OK;
    for (int s = 0, e; rc == NT_OK && s < ncols; s = e) {
        const unsigned char *f = b->F + (size_t)b->keys[s].col * k;
        for (e = s + 1; e < ncols && b->keys[e].hash == b->keys[s].hash
                        && memcmp(f, b->F + (size_t)b->keys[e].col * k, (size_t)k) == 0; e++)
            ;
        rc = solve_group(ch, b->keys + s, e - s);
    }
    return rc;
}

/* Is the unknown at offset `at` of the block infeasible? tol: its column's tolerance. */
static int infeasible(const struct nt_nnls_chunk *ch, size_t at, double tol)
{
    const struct nt_nnls_block *b = ch->b;
    return b->F[at] ? b->X[at] < 0 : b->Y[at] < -tol;
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
        n += !ch->dead[i] && infeasible(ch, (size_t)a * ch->k + i, tol);
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
        if (!ch->dead[i] && infeasible(ch, (size_t)a * ch->k + i, tol)) {
            f[i] = !f[i];
            if (!full)
                break;
        }
}

/* Gathers the block's right-hand sides and starting point; columns become contiguous.
 * Returns NT_ENUMERIC when a right-hand side is not finite. */
static int chunk_load(struct nt_nnls_chunk *ch, const double *X, int warm)
{
    int finite = 1;
    struct nt_nnls_block *b = ch->b;
    const size_t r = ch->p->r;
    for (int a = 0; a < ch->c; a++) {
        double bm = 0;
        for (int i = 0; i < ch->k; i++) {
            size_t at = (size_t)a * ch->k + i, src = (size_t)i * r + ch->j0 + (size_t)a;
            double x = warm ? X[src] : 0;
            b->B[at] = ch->p->CtB[src] - ch->p->l1;
            bm = fabs(b->B[at]) > bm ? fabs(b->B[at]) : bm;
            finite &= isfinite(b->B[at]);
            b->F[at] = x > 0 && !ch->dead[i];
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

/* Runs the pivoting on one block and scatters the clamped solution into X. */
static int chunk_solve(struct nt_nnls_chunk *ch, double *X, int warm, nt_nnls_stats *st)
{
    struct nt_nnls_block *b = ch->b;
    const int cap = 10 * ch->k + 100;
    int rc = chunk_load(ch, X, warm);
    if (rc == NT_OK && warm)
        rc = solve_columns(ch, b->todo, ch->c);
    int round = 0;
    for (; rc == NT_OK; round++) {
        int ntodo = 0;
        for (int a = 0; a < ch->c; a++) {
            double tol = column_tolerance(ch, a);
            int ninf = count_infeasible(ch, a, tol);
            if (ninf > 0 && round == cap)
                st->unconverged++;
            else if (ninf > 0) {
                exchange(ch, a, ninf, tol);
                b->todo[ntodo++] = a;
            }
        }
        if (ntodo == 0)
            break;
        rc = solve_columns(ch, b->todo, ntodo);
    }
    st->rounds = round > st->rounds ? round : st->rounds;
    for (int a = 0; a < ch->c; a++)
        for (int i = 0; i < ch->k; i++) {
            double x = b->X[(size_t)a * ch->k + i];
            X[(size_t)i * ch->p->r + ch->j0 + (size_t)a] = x > 0 ? x : 0;
        }
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
    /* Our threads each run tiny LAPACK calls; OpenBLAS's own threads would only contend. */
    int blas_threads = openblas_get_num_threads();
    openblas_set_num_threads(1);
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
    openblas_set_num_threads(blas_threads);
    if (stats)
        *stats = (nt_nnls_stats){rounds, unconverged, ridged};
    if (rc != NT_OK)
        return nt_error_set(err, rc, "NNLS: a right-hand side is not finite, or a passive "
                                     "system could not be factored");
    return NT_OK;
}
