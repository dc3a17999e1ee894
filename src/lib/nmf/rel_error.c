/* rel_error.c: nt_nmf_rel_error, the relative error of any factors of A, from
 *   ||A - W H||_F^2 = ||A||_F^2 - 2 <A, W H> + <W^T W, H H^T>
 * without forming W H: one pass over the entries of A (k multiply-adds each) and two
 * k x k Gram matrices. */
#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "nmf_internal.h"

/* Columns per block of the sums below: blocks are summed in order, so the result does not
 * depend on the thread count. */
#define COLUMNS_PER_BLOCK 64

/* Column j's share of ||A||^2 (out[0]) and of <A, W H> (out[1]); wr is W row-major (the
 * k weights of a document contiguous), hj gets H's column j. */
static void column_sums(const nt_matrix *a, const double *wr, const double *h, size_t k,
                        size_t j, double *hj, double out[2])
{
    size_t m = a->m, lo = 0, hi = m;
    const int *ai = NULL;
    const double *ax = a->dense ? a->dense + j * m : NULL;
    if (a->sparse) {
        const int *ap = a->sparse->p;
        ai = a->sparse->i;
        ax = a->sparse->x;
        lo = (size_t)ap[j];
        hi = (size_t)ap[j + 1];
    }
    for (size_t t = 0; t < k; t++)
        hj[t] = h[t * a->n + j];
    for (size_t q = lo; q < hi; q++) {
        size_t i = ai ? (size_t)ai[q] : q;
        double v = ax[q], wh = 0.0;
        for (size_t t = 0; t < k; t++)
            wh += wr[i * k + t] * hj[t];
        out[0] += v * v;
        out[1] += v * wh;
    }
}

/* ||A||^2 and <A, W H>, summed per block of columns and then over blocks in order. */
static int entry_sums(const nt_matrix *a, const double *w, const double *h, size_t k,
                      int threads, double sums[2], nt_error *err)
{
    size_t m = a->m, nblocks = (a->n + COLUMNS_PER_BLOCK - 1) / COLUMNS_PER_BLOCK;
    double *part = calloc(2 * nblocks, sizeof *part), *wr = malloc(m * k * sizeof *wr);
    double *hcols = malloc((size_t)threads * k * sizeof *hcols);
    int rc = part && wr && hcols ? NT_OK : nt_error_set(err, NT_ENOMEM, "out of memory for the "
                                                         "relative error of %zu x %zu factors", m, k);
    size_t entries = a->sparse ? (size_t)((const int *)a->sparse->p)[a->n] : m * a->n;
    int big = entries * k >= NT_NMF_PARALLEL_MIN;
    for (size_t i = 0; rc == NT_OK && i < m; i++)
        for (size_t t = 0; t < k; t++)
            wr[i * k + t] = w[t * m + i];
#pragma omp parallel for schedule(dynamic) num_threads(threads) if (big && rc == NT_OK)
    for (long b = 0; b < (long)(rc == NT_OK ? nblocks : 0); b++) {
        double *hj = hcols + (size_t)omp_get_thread_num() * k;
        size_t j1 = ((size_t)b + 1) * COLUMNS_PER_BLOCK;
        for (size_t j = (size_t)b * COLUMNS_PER_BLOCK; j < j1 && j < a->n; j++)
            column_sums(a, wr, h, k, j, hj, part + 2 * b);
    }
    sums[0] = sums[1] = 0.0;
    for (size_t b = 0; rc == NT_OK && b < nblocks; b++) {
        sums[0] += part[2 * b];
        sums[1] += part[2 * b + 1];
    }
    free(part);
    free(wr);
    free(hcols);
    return rc;
}

/* <X^T X, Y^T Y> for factor-major X (xrows x k) and Y (yrows x k), through two BLAS syrk
 * calls (upper triangles; the strict upper triangle counts twice). */
static double gram_product(const double *x, size_t xrows, const double *y, size_t yrows, size_t k,
                           double *gx, double *gy)
{
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int)k, (int)xrows, 1.0, x, (int)xrows, 0.0,
                gx, (int)k);
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int)k, (int)yrows, 1.0, y, (int)yrows, 0.0,
                gy, (int)k);
    double s = 0.0;
    for (size_t c = 0; c < k; c++)
        for (size_t r = 0; r <= c; r++)
            s += (r == c ? 1.0 : 2.0) * gx[c * k + r] * gy[c * k + r];
    return s;
}

/* 1/2 ||A - W H||_F^2 (clamped at 0) and ||A||_F^2. */
static int half_sq_error(const nt_matrix *a, const double *w, const double *h, size_t k,
                         int threads, double *half, double *a_norm2, nt_error *err)
{
    double sums[2] = {0.0, 0.0};
    int rc = entry_sums(a, w, h, k, threads > 0 ? threads : omp_get_max_threads(), sums, err);
    double *g = rc == NT_OK ? malloc(2 * k * k * sizeof *g) : NULL;
    if (rc == NT_OK && !g)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory for two %zu x %zu Gram matrices", k, k);
    if (rc == NT_OK && !isfinite(sums[0]))
        rc = nt_error_set(err, NT_EINVAL, "A holds a value that is not finite");
    if (rc == NT_OK && sums[0] <= 0.0)
        rc = nt_error_set(err, NT_EEMPTY, "A is all zero: the relative error is undefined");
    if (rc == NT_OK) {
        double e = 0.5 * (sums[0] - 2.0 * sums[1] + gram_product(w, a->m, h, a->n, k, g, g + k * k));
        *half = e > 0.0 ? e : 0.0; /* cancellation can leave a tiny negative for an exact fit */
        *a_norm2 = sums[0];
    }
    free(g);
    return rc;
}

int nt_nmf_rel_error(const nt_matrix *a, const double *w, const double *h, size_t k, int threads,
                     double *out, nt_error *err)
{
    if (!a || !w || !h || !out || k < 1 || (a->sparse == NULL) == (a->dense == NULL))
        return nt_error_set(err, NT_EINVAL, "nt_nmf_rel_error needs A (sparse or dense), W, H, "
                                            "k >= 1 and out");
    double half, a_norm2;
    int rc = half_sq_error(a, w, h, k, threads, &half, &a_norm2, err);
    if (rc == NT_OK)
        *out = sqrt(2.0 * half / a_norm2);
    return rc;
}
