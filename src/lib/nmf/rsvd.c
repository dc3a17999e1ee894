/* rsvd.c: truncated SVD of a sparse or dense A by randomised subspace iteration.
 *
 * Halko, Martinsson & Tropp, "Finding structure with randomness: probabilistic algorithms
 * for constructing approximate matrix decompositions", SIAM Review 53(2), 2011,
 * Algorithm 4.4 (randomised subspace iteration) then Algorithm 5.1 (direct SVD), arranged so
 * that LAPACK only ever sees the short side of A (s = min(m, n) rows) and l x l matrices.
 * With S the short-side operator (S = A when s = m, S = A^T when s = n):
 *   Omega = s x l Gaussian, l = rank + RSVD_OVERSAMPLE (at most s);
 *   Q = Omega;  RSVD_POWER times: Q = orth(S S^T Q)   (the first pass gives Q the range of
 *                                                      S S^T Omega, a sample of the range of
 *                                                      S; each pass sharpens it);
 *   Z = S^T Q (long x l), so that S ~ Q Q^T S = Q Z^T;
 *   Z^T Z = V_e diag(lambda) V_e^T (LAPACK dsyev), sigma_j = sqrt(lambda_j);
 *   S ~ (Q V_e) diag(sigma) (Z V_e diag(1 / sigma))^T.
 * orth() is a Householder QR (dgeqrf, dorgqr) of the s x l block. The long-side block S^T Q
 * is not orthonormalised: Q is, so the block's condition number is at most
 * sigma_1 / sigma_l, and the block S S^T Q is orthonormalised before it is used again, so
 * rounding grows by at most (sigma_1 / sigma_l)^2 per pass; Halko et al. (section 4.5)
 * orthonormalise after every product, which spectra falling faster than that within l
 * would need.
 * Forming Z^T Z squares the singular values, so a direction with
 * lambda_j <= l eps lambda_1 (sigma_j below about 1e-7 sigma_1) is beneath rounding: it is
 * returned as sigma_j = 0 with zero vectors. The error in the leading `rank` triplets falls
 * like (sigma_{l+1} / sigma_rank)^(2 RSVD_POWER). The products are the engine's kernels
 * (products.c, parallel, never densifying A); BLAS and LAPACK run between parallel regions. */
#include <cblas.h>
#include <float.h>
#include <math.h>
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
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
            double *w, double *work, const int *lwork, int *info);

/* A product of the state's A or A^T with a row-major block: x (rows x k) to out. */
typedef void (*rsvd_product)(const nt_nmf_state *st, const double *x, double *out);

/* Buffers of one decomposition. Blocks from the kernels are row-major (a row of l values per
 * row of A or A^T), which BLAS reads as column-major l x rows; LAPACK's QR works on a
 * column-major copy. */
typedef struct rsvd_work {
    int s, len, l, lwork;  /* short side, long side, block width, LAPACK workspace size */
    int info;              /* of the last failing LAPACK call */
    rsvd_product to_long;  /* S^T: s x l block to len x l */
    rsvd_product to_short; /* S: len x l block to s x l */
    double *q;             /* row-major s x l */
    double *z;             /* row-major len x l */
    double *col;           /* column-major copy of q, size s*l */
    double *gram;          /* Z^T Z, then its eigenvectors, column-major l x l */
    double *lambda;        /* eigenvalues of Z^T Z, ascending, size l */
    double *pick;          /* the leading eigenvectors, descending, column-major l x rank */
    double *tau;           /* Householder scalars, size l */
    double *work;          /* LAPACK workspace, size lwork */
} rsvd_work;

static void work_free(rsvd_work *w)
{
    free(w->q), free(w->z), free(w->col), free(w->gram), free(w->lambda), free(w->pick);
    free(w->tau), free(w->work);
}

/* The largest workspace the QR and eigenvalue calls ask for (LAPACK's lwork = -1 queries). */
static int query_lwork(rsvd_work *w)
{
    int info, minus = -1;
    double q[3] = {0, 0, 0};
    dgeqrf_(&w->s, &w->l, w->col, &w->s, w->tau, &q[0], &minus, &info);
    dorgqr_(&w->s, &w->l, &w->l, w->col, &w->s, w->tau, &q[1], &minus, &info);
    dsyev_("V", "U", &w->l, w->gram, &w->l, w->lambda, &q[2], &minus, &info);
    double most = q[0] > q[1] ? q[0] : q[1];
    return (int)(most > q[2] ? most : q[2]) + 1;
}

static int work_alloc(rsvd_work *w, size_t rank)
{
    size_t l = (size_t)w->l;
    w->q = malloc((size_t)w->s * l * sizeof *w->q);
    w->z = malloc((size_t)w->len * l * sizeof *w->z);
    w->col = malloc((size_t)w->s * l * sizeof *w->col);
    w->gram = malloc(l * l * sizeof *w->gram);
    w->lambda = malloc(l * sizeof *w->lambda);
    w->pick = malloc(l * rank * sizeof *w->pick);
    w->tau = malloc(l * sizeof *w->tau);
    if (!w->q || !w->z || !w->col || !w->gram || !w->lambda || !w->pick || !w->tau)
        return NT_ENOMEM;
    w->lwork = query_lwork(w);
    w->work = malloc((size_t)w->lwork * sizeof *w->work);
    return w->work ? NT_OK : NT_ENOMEM;
}

/* Replaces the row-major s x l block q by an orthonormal basis of its column space. */
static int orth(rsvd_work *w)
{
    int s = w->s, l = w->l;
    for (int i = 0; i < s; i++)
        for (int c = 0; c < l; c++)
            w->col[i + (size_t)c * s] = w->q[(size_t)i * l + c];
    dgeqrf_(&s, &l, w->col, &s, w->tau, w->work, &w->lwork, &w->info);
    if (w->info == 0)
        dorgqr_(&s, &l, &l, w->col, &s, w->tau, w->work, &w->lwork, &w->info);
    for (int i = 0; i < s; i++)
        for (int c = 0; c < l; c++)
            w->q[(size_t)i * l + c] = w->col[i + (size_t)c * s];
    return w->info == 0 ? NT_OK : NT_ENUMERIC;
}

/* Q (in w->q) spanning the dominant l-dimensional range of S, then Z = S^T Q (in w->z). */
static int range_finder(const nt_nmf_state *st, rsvd_work *w, uint64_t seed)
{
    /* The product kernels take the block width from the state: a copy with k = l. */
    nt_nmf_state wide = *st;
    wide.k = (size_t)w->l;
    nt_rng rng;
    nt_rng_seed(&rng, seed);
    for (size_t q = 0; q < (size_t)w->s * (size_t)w->l; q++)
        w->q[q] = nt_rng_normal(&rng);
    int rc = NT_OK;
    for (int it = 0; rc == NT_OK && it < RSVD_POWER; it++) {
        w->to_long(&wide, w->q, w->z);
        w->to_short(&wide, w->z, w->q);
        rc = orth(w);
    }
    if (rc == NT_OK)
        w->to_long(&wide, w->q, w->z);
    return rc;
}

/* The leading `rank` eigenpairs of Z^T Z: s gets sigma_j, w->pick the eigenvectors in
 * descending order (zero for a direction beneath rounding, see the file comment). */
static int leading_directions(rsvd_work *w, size_t rank, double *s)
{
    int l = w->l, len = w->len;
    /* z read column-major is Z^T (l x len), so Z^T Z = z z^T. */
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, l, len, 1.0, w->z, l, 0.0, w->gram, l);
    dsyev_("V", "U", &l, w->gram, &l, w->lambda, w->work, &w->lwork, &w->info);
    if (w->info != 0)
        return NT_ENUMERIC;
    double floor = (double)l * DBL_EPSILON * w->lambda[l - 1];
    for (size_t j = 0; j < rank; j++) {
        size_t from = (size_t)l - 1 - j;
        int resolved = w->lambda[from] > floor;
        s[j] = resolved ? sqrt(w->lambda[from]) : 0.0;
        for (size_t c = 0; c < (size_t)l; c++)
            w->pick[j * (size_t)l + c] = resolved ? w->gram[from * (size_t)l + c] : 0.0;
    }
    return NT_OK;
}

/* Short-side vectors Q V_e into us (s x rank, column-major), long-side vectors
 * Z V_e diag(1 / sigma) into ul (len x rank, column-major). */
static void singular_vectors(const rsvd_work *w, size_t rank, const double *s, double *us,
                             double *ul)
{
    int r = (int)rank;
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, w->s, r, w->l, 1.0, w->q, w->l,
                w->pick, w->l, 0.0, us, w->s);
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, w->len, r, w->l, 1.0, w->z, w->l,
                w->pick, w->l, 0.0, ul, w->len);
    for (size_t j = 0; j < rank; j++)
        if (s[j] > 0.0)
            cblas_dscal(w->len, 1.0 / s[j], ul + j * (size_t)w->len, 1);
}

int nt_nmf_rsvd(const nt_nmf_state *st, size_t rank, uint64_t seed, double *u, double *s,
                double *v, nt_error *err)
{
    int rows_short = st->m <= st->n;
    size_t small = rows_short ? st->m : st->n;
    if (rank < 1 || rank > small)
        return nt_error_set(err, NT_EINVAL, "truncated SVD: rank %zu must be from 1 to "
                                            "min(m, n) = %zu", rank, small);
    size_t l = rank + RSVD_OVERSAMPLE < small ? rank + RSVD_OVERSAMPLE : small;
    rsvd_work w;
    memset(&w, 0, sizeof w);
    w.s = (int)small, w.len = (int)(rows_short ? st->n : st->m), w.l = (int)l;
    w.to_long = rows_short ? nt_nmf_mul_at : nt_nmf_mul_a;
    w.to_short = rows_short ? nt_nmf_mul_a : nt_nmf_mul_at;
    int rc = work_alloc(&w, rank);
    if (rc == NT_OK)
        rc = range_finder(st, &w, seed);
    if (rc == NT_OK)
        rc = leading_directions(&w, rank, s);
    if (rc == NT_OK)
        singular_vectors(&w, rank, s, rows_short ? u : v, rows_short ? v : u);
    work_free(&w);
    if (rc == NT_ENOMEM)
        return nt_error_set(err, rc, "out of memory for the truncated SVD (%zu x %zu, rank %zu)",
                            st->m, st->n, rank);
    if (rc != NT_OK)
        return nt_error_set(err, rc, "truncated SVD: a LAPACK QR or eigenvalue call failed "
                                     "(info %d)", w.info);
    return NT_OK;
}
