/* rsvd.c: truncated SVD of a sparse or dense A by randomised subspace iteration.
 *
 * Halko, Martinsson & Tropp, "Finding structure with randomness: probabilistic algorithms
 * for constructing approximate matrix decompositions", SIAM Review 53(2), 2011,
 * Algorithm 4.4 (randomised subspace iteration) then Algorithm 5.1 (direct SVD):
 *   Omega = n x l Gaussian, l = rank + RSVD_OVERSAMPLE (at most min(m, n));
 *   Q = orth(A Omega);  RSVD_POWER times: Q' = orth(A^T Q), Q = orth(A Q');
 *   Z = A^T Q (n x l), so B = Q^T A = Z^T;  Z = U_z S V_z^T (LAPACK dgesdd);
 *   A ~ Q B = (Q V_z) S U_z^T, i.e. U = Q V_z, V = U_z.
 * orth() is a QR factorisation (dgeqrf, dorgqr): re-orthonormalising after every product
 * keeps the power iterations from collapsing onto the leading singular vector in floating
 * point. The error in the leading `rank` triplets falls like
 * (sigma_{l+1} / sigma_rank)^(2 RSVD_POWER + 1). The products are the engine's kernels
 * (products.c, parallel, never densifying A); LAPACK sees only the m x l and n x l blocks
 * and the l x l core, between parallel regions. */
#include <cblas.h>
#include <stdlib.h>
#include <string.h>

#include "common/random.h"
#include "rsvd.h"

#define RSVD_OVERSAMPLE 10
#define RSVD_POWER 4

void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work,
             const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda,
             const double *tau, double *work, const int *lwork, int *info);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info);

/* Buffers of one decomposition; blocks from the kernels are row-major (a row of l values
 * per row of A or A^T), LAPACK's are column-major. */
typedef struct rsvd_work {
    int m, n, l, lwork;
    int info;      /* of the last failing LAPACK call */
    double *ym;    /* row-major m x l */
    double *yn;    /* row-major n x l */
    double *col;   /* column-major copy of ym or yn, size max(m,n)*l */
    double *uz;    /* left singular vectors of Z, column-major n x l */
    double *vzt;   /* V_z^T, column-major l x l */
    double *sv;    /* singular values, size l */
    double *tau;   /* Householder scalars, size l */
    double *work;  /* LAPACK workspace, size lwork */
    int *iwork;    /* dgesdd, size 8*l */
} rsvd_work;

static void work_free(rsvd_work *w)
{
    free(w->ym), free(w->yn), free(w->col), free(w->uz), free(w->vzt), free(w->sv);
    free(w->tau), free(w->work), free(w->iwork);
}

/* The largest workspace the QR and SVD calls ask for (LAPACK's lwork = -1 queries). */
static int query_lwork(rsvd_work *w)
{
    int big = w->m > w->n ? w->m : w->n, info, minus = -1;
    double q[3] = {0, 0, 0};
    dgeqrf_(&big, &w->l, w->col, &big, w->tau, &q[0], &minus, &info);
    dorgqr_(&big, &w->l, &w->l, w->col, &big, w->tau, &q[1], &minus, &info);
    dgesdd_("S", &w->n, &w->l, w->col, &w->n, w->sv, w->uz, &w->n, w->vzt, &w->l, &q[2], &minus,
            w->iwork, &info);
    double most = q[0] > q[1] ? q[0] : q[1];
    return (int)(most > q[2] ? most : q[2]) + 1;
}

static int work_alloc(rsvd_work *w)
{
    size_t l = (size_t)w->l, big = (size_t)(w->m > w->n ? w->m : w->n);
    w->ym = malloc((size_t)w->m * l * sizeof *w->ym);
    w->yn = malloc((size_t)w->n * l * sizeof *w->yn);
    w->col = malloc(big * l * sizeof *w->col);
    w->uz = malloc((size_t)w->n * l * sizeof *w->uz);
    w->vzt = malloc(l * l * sizeof *w->vzt);
    w->sv = malloc(l * sizeof *w->sv);
    w->tau = malloc(l * sizeof *w->tau);
    w->iwork = malloc(8 * l * sizeof *w->iwork);
    if (!w->ym || !w->yn || !w->col || !w->uz || !w->vzt || !w->sv || !w->tau || !w->iwork)
        return NT_ENOMEM;
    w->lwork = query_lwork(w);
    w->work = malloc((size_t)w->lwork * sizeof *w->work);
    return w->work ? NT_OK : NT_ENOMEM;
}

/* Copies a row-major rows x l block into w->col, column-major. */
static void to_columns(rsvd_work *w, const double *x, int rows)
{
    for (int i = 0; i < rows; i++)
        for (int c = 0; c < w->l; c++)
            w->col[i + (size_t)c * rows] = x[(size_t)i * w->l + c];
}

/* Replaces the row-major rows x l block x by an orthonormal basis of its column space. */
static int orth(rsvd_work *w, double *x, int rows)
{
    to_columns(w, x, rows);
    dgeqrf_(&rows, &w->l, w->col, &rows, w->tau, w->work, &w->lwork, &w->info);
    if (w->info == 0)
        dorgqr_(&rows, &w->l, &w->l, w->col, &rows, w->tau, w->work, &w->lwork, &w->info);
    for (int i = 0; i < rows; i++)
        for (int c = 0; c < w->l; c++)
            x[(size_t)i * w->l + c] = w->col[i + (size_t)c * rows];
    return w->info == 0 ? NT_OK : NT_ENUMERIC;
}

/* Q (in w->ym) spanning the dominant l-dimensional range of A. */
static int range_finder(const nt_nmf_state *st, rsvd_work *w, uint64_t seed)
{
    /* The product kernels take the block width from the state: a copy with k = l. */
    nt_nmf_state wide = *st;
    wide.k = (size_t)w->l;
    nt_rng rng;
    nt_rng_seed(&rng, seed);
    for (size_t q = 0; q < (size_t)w->n * (size_t)w->l; q++)
        w->yn[q] = nt_rng_normal(&rng);
    nt_nmf_mul_a(&wide, w->yn, w->ym);
    int rc = orth(w, w->ym, w->m);
    for (int it = 0; rc == NT_OK && it < RSVD_POWER; it++) {
        nt_nmf_mul_at(&wide, w->ym, w->yn);
        rc = orth(w, w->yn, w->n);
        if (rc == NT_OK) {
            nt_nmf_mul_a(&wide, w->yn, w->ym);
            rc = orth(w, w->ym, w->m);
        }
    }
    if (rc == NT_OK)
        nt_nmf_mul_at(&wide, w->ym, w->yn); /* Z = A^T Q */
    return rc;
}

int nt_nmf_rsvd(const nt_nmf_state *st, size_t rank, uint64_t seed, double *u, double *s,
                double *v, nt_error *err)
{
    size_t small = st->m < st->n ? st->m : st->n;
    if (rank < 1 || rank > small)
        return nt_error_set(err, NT_EINVAL, "truncated SVD: rank %zu must be from 1 to "
                                            "min(m, n) = %zu", rank, small);
    size_t l = rank + RSVD_OVERSAMPLE < small ? rank + RSVD_OVERSAMPLE : small;
    rsvd_work w;
    memset(&w, 0, sizeof w);
    w.m = (int)st->m, w.n = (int)st->n, w.l = (int)l;
    int rc = work_alloc(&w);
    if (rc == NT_OK)
        rc = range_finder(st, &w, seed);
    if (rc == NT_OK) {
        to_columns(&w, w.yn, w.n);
        dgesdd_("S", &w.n, &w.l, w.col, &w.n, w.sv, w.uz, &w.n, w.vzt, &w.l, w.work, &w.lwork,
                w.iwork, &w.info);
        rc = w.info == 0 ? NT_OK : NT_ENUMERIC;
    }
    if (rc == NT_OK) {
        /* U = Q V_z: Q is ym read as column-major l x m, transposed; V_z = vzt^T. */
        cblas_dgemm(CblasColMajor, CblasTrans, CblasTrans, w.m, (int)rank, w.l, 1.0, w.ym, w.l,
                    w.vzt, w.l, 0.0, u, w.m);
        memcpy(s, w.sv, rank * sizeof *s);
        memcpy(v, w.uz, (size_t)w.n * rank * sizeof *v);
    }
    work_free(&w);
    if (rc == NT_ENOMEM)
        return nt_error_set(err, rc, "out of memory for the truncated SVD (%zu x %zu, rank %zu)",
                            st->m, st->n, rank);
    if (rc != NT_OK)
        return nt_error_set(err, rc, "truncated SVD: a LAPACK QR or SVD call failed (info %d)",
                            w.info);
    return NT_OK;
}
