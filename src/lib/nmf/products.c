/* products.c: the products of A with a factor and the Gram matrices of the factors. */
#include <cblas.h>
#include <omp.h>
#include <string.h>

#include "common/split.h"
#include "nmf_internal.h"

/* Eight consecutive topics of a factor row as one GCC vector: one AVX-512 register, two AVX
 * ones. Factor rows are only 8-byte aligned, so loads and stores go through memcpy. */
typedef double product_vec __attribute__((vector_size(8 * sizeof(double))));

/* Vectors per pass over a row's entries: 32 topics, four accumulators in registers. */
#define PANEL_VECTORS 4

/* Entries ahead whose factor row is prefetched. A document's terms land all over H^T
 * (n x k, megabytes), so without it the loads wait on the cache; measured on spamassassin
 * (k = 20, one thread), A H^T took 3.2-3.4 ms without and 2.5-2.9 ms with 16 or 32 entries
 * ahead (A^T W, whose W fits in the cache, neither gains nor loses). */
#define PREFETCH_AHEAD 32

/* Sum over entries q in [lo, hi) of sx[q] times the 8 topics of row si[q] of y starting at
 * off[b], into o + off[b], for b < nv (a constant after inlining, so the accumulators stay in
 * registers). One pass over the entries feeds nv independent chains of multiply-adds. */
static inline void product_panel(const int *si, const double *sx, int lo, int hi,
                                 const double *y, size_t k, const size_t *off, int nv, double *o)
{
    product_vec acc[PANEL_VECTORS] = {{0.0}};
    for (int q = lo; q < hi; q++) {
        const double v = sx[q], *yr = y + (size_t)si[q] * k;
        if (q + PREFETCH_AHEAD < hi) {
            const double *next = y + (size_t)si[q + PREFETCH_AHEAD] * k;
            for (int b = 0; b < nv; b++)
                __builtin_prefetch(next + off[b]);
            __builtin_prefetch(next + off[nv - 1] + 7);
        }
        for (int b = 0; b < nv; b++) {
            product_vec yb;
            memcpy(&yb, yr + off[b], sizeof yb);
            acc[b] += v * yb;
        }
    }
    for (int b = 0; b < nv; b++)
        memcpy(o + off[b], &acc[b], sizeof acc[b]);
}

/* The same sum for fewer than 8 topics, one topic at a time. */
static void product_narrow(const int *si, const double *sx, int lo, int hi, const double *y,
                           size_t k, double *o)
{
    for (size_t t = 0; t < k; t++) {
        double acc = 0.0;
        for (int q = lo; q < hi; q++)
            acc += sx[q] * y[(size_t)si[q] * k + t];
        o[t] = acc;
    }
}

/* One output row: o = sum over the entries (r, c, v) of column r of s of v * y_c, with y
 * rows x k row-major. Topics go in panels of up to 32, vectors of 8; a panel's last vector
 * starts at k - 8 at the latest, overlapping the one before it when 8 does not divide k (the
 * overlapped topics get the same sums twice). Each output adds the entries in their stored
 * order with one multiply-add each, whatever the panels. */
NT_NMF_VECTOR_CLONES
static void product_row(const int *si, const double *sx, int lo, int hi, const double *y,
                        size_t k, double *o)
{
    if (k < 8) {
        product_narrow(si, sx, lo, hi, y, k, o);
        return;
    }
    for (size_t t0 = 0; t0 < k; t0 += 8 * PANEL_VECTORS) {
        size_t off[PANEL_VECTORS], end = t0 + 8 * PANEL_VECTORS < k ? t0 + 8 * PANEL_VECTORS : k;
        int nv = (int)((end - t0 + 7) / 8);
        for (int b = 0; b < nv; b++)
            off[b] = t0 + 8 * (size_t)b < k - 8 ? t0 + 8 * (size_t)b : k - 8;
        switch (nv) {
        case 1: product_panel(si, sx, lo, hi, y, k, off, 1, o); break;
        case 2: product_panel(si, sx, lo, hi, y, k, off, 2, o); break;
        case 3: product_panel(si, sx, lo, hi, y, k, off, 3, o); break;
        default: product_panel(si, sx, lo, hi, y, k, off, 4, o); break;
        }
    }
}

/* Column r of a compressed-column matrix is one output row, so rows are independent and
 * any split gives the same sums. Documents differ a lot in length, so each thread takes a
 * contiguous range of rows holding an equal share of the entries, not of the rows. */
static void sparse_rows_times(const cholmod_sparse *s, const double *y, size_t k, double *out,
                              int threads)
{
    const int *sp = s->p, *si = s->i;
    const double *sx = s->x;
    size_t ncol = s->ncol;
    int big = (double)sp[ncol] * (double)k >= NT_NMF_PARALLEL_MIN;
#pragma omp parallel num_threads(threads) if (big)
    {
        int t = omp_get_thread_num(), shares = omp_get_num_threads();
        size_t hi = nt_split_start(sp, ncol, t + 1, shares);
        for (size_t r = nt_split_start(sp, ncol, t, shares); r < hi; r++)
            product_row(si, sx, sp[r], sp[r + 1], y, k, out + r * k);
    }
}

void nt_nmf_mul_a(const nt_nmf_state *st, const double *y, double *out)
{
    if (st->at) {
        sparse_rows_times(st->at, y, st->k, out, st->threads);
        return;
    }
    /* out^T (k x m) = y^T (k x n) A^T, all column-major. */
    int m = (int)st->m, n = (int)st->n, k = (int)st->k;
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, k, m, n, 1.0, y, k, st->dense, m, 0.0,
                out, k);
}

void nt_nmf_mul_at(const nt_nmf_state *st, const double *x, double *out)
{
    if (st->a) {
        sparse_rows_times(st->a, x, st->k, out, st->threads);
        return;
    }
    /* out^T (k x n) = x^T (k x m) A. */
    int m = (int)st->m, n = (int)st->n, k = (int)st->k;
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, k, n, m, 1.0, x, k, st->dense, m, 0.0,
                out, k);
}

void nt_nmf_gram(const double *x, size_t rows, size_t k, double *g)
{
    /* x is column-major k x rows, so x^T x of the row-major view is X X^T. */
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, (int)k, (int)rows, 1.0, x, (int)k, 0.0, g,
                (int)k);
    for (size_t c = 0; c < k; c++)
        for (size_t r = c + 1; r < k; r++)
            g[c * k + r] = g[r * k + c];
}

double nt_nmf_dot(const double *x, const double *y, size_t len, int threads)
{
    size_t nblocks = (len + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    double total = 0.0;
    /* Block sums in a fixed order; the stack array bounds the blocks handled per pass. */
    enum { PASS = 512 };
    double part[PASS];
    for (size_t b0 = 0; b0 < nblocks; b0 += PASS) {
        long nb = (long)(nblocks - b0 < PASS ? nblocks - b0 : PASS);
#pragma omp parallel for schedule(static) num_threads(threads) if (len >= NT_NMF_PARALLEL_MIN)
        for (long b = 0; b < nb; b++) {
            size_t lo = (b0 + (size_t)b) * NT_NMF_BLOCK;
            size_t hi = lo + NT_NMF_BLOCK < len ? lo + NT_NMF_BLOCK : len;
            double s = 0.0;
            for (size_t i = lo; i < hi; i++)
                s += x[i] * y[i];
            part[b] = s;
        }
        for (long b = 0; b < nb; b++)
            total += part[b];
    }
    return total;
}
