/* nnls_passive.c: solving G_FF x_F = c_F for NNLS columns grouped by passive set F.
 *
 * The Cholesky factorisation and triangular solves are written out rather than taken
 * from LAPACK: OpenBLAS 0.3.21 (pthread build) takes a global mutex for its buffer pool
 * on every dpotrf/dtrsm call and threads dtrsm even for 20 x 128 right-hand sides, so
 * with two OpenMP threads the solver spent ~20% in futex waits and gained 1.2x instead
 * of 1.9x. The systems are at most k x k (k = number of topics), small enough for the
 * plain loops below to stay in cache.
 *
 * A pivot below NT_NNLS_PIVOT_RTOL times its original diagonal counts as singular
 * (the column is a combination of earlier ones to ~7 digits): the system is then
 * factored again with a ridge of 1e-12, 1e-10, then 1e-8 times max diag(G_FF). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nnls_passive.h"

#define NT_NNLS_PIVOT_RTOL 1e-14

/* Lower Cholesky factor L of the q x q matrix a in place, with 1 / L_jj stored on the
 * diagonal so that the solves multiply instead of divide; returns 0 or the failing column
 * + 1. */
static int cholesky(int q, double *a)
{
    for (int j = 0; j < q; j++) {
        double *cj = a + (size_t)j * q, a0 = cj[j];
        for (int l = 0; l < j; l++) {
            const double *cl = a + (size_t)l * q;
            double f = cl[j];
            for (int i = j; i < q; i++)
                cj[i] -= f * cl[i];
        }
        if (!(cj[j] > NT_NNLS_PIVOT_RTOL * a0))
            return j + 1;
        double inv = 1.0 / sqrt(cj[j]);
        cj[j] = inv;
        for (int i = j + 1; i < q; i++)
            cj[i] *= inv;
    }
    return 0;
}

/* Solves L L^T x = b for each of the nrhs columns of b (leading dimension q), with L from
 * cholesky(). */
static void cholesky_solve(int q, int nrhs, const double *L, double *b)
{
    for (int g = 0; g < nrhs; g++) {
        double *x = b + (size_t)g * q;
        for (int j = 0; j < q; j++) {
            const double *cj = L + (size_t)j * q;
            x[j] *= cj[j];
            for (int i = j + 1; i < q; i++)
                x[i] -= cj[i] * x[j];
        }
        for (int j = q - 1; j >= 0; j--) {
            const double *cj = L + (size_t)j * q;
            double s = x[j];
            for (int i = j + 1; i < q; i++)
                s -= cj[i] * x[i];
            x[j] = s * cj[j];
        }
    }
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
        if (cholesky(q, Gp) == 0) {
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
    for (int i = 0; i < k; i++) {
        b->pidx[q] = i;
        q += F0[i];
    }
    if (q > 0) {
        if (factor_passive(ch, q) != 0)
            return NT_ENUMERIC;
        for (int g = 0; g < len; g++)
            for (int a = 0; a < q; a++)
                b->R[a + g * q] = b->B[b->pidx[a] + (size_t)keys[g].col * k];
        cholesky_solve(q, len, b->Gp, b->R);
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

int nt_nnls_solve_columns(struct nt_nnls_chunk *ch, const int *cols, int ncols)
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

