/* sparse.c: allocating, transposing, freeing and checking CHOLMOD sparse matrices. */
#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "cholmod_context.h"
#include "common/split.h"
#include "nmftopics/matrix.h"

cholmod_sparse *nt_sparse_allocate(size_t m, size_t n, size_t nzmax)
{
    cholmod_common cc;
    nt_cholmod_start(&cc);
    cholmod_sparse *A = cholmod_allocate_sparse(m, n, nzmax, 1, 1, 0, CHOLMOD_REAL, &cc);
    cholmod_finish(&cc);
    return A;
}

/* Below this many entries a transpose runs on one thread. */
#define TRANSPOSE_PARALLEL_MIN 100000

/* Counts, per row of A, the entries of columns [lo, hi) into count (size nrow). */
static void count_rows(const cholmod_sparse *A, size_t lo, size_t hi, int *count)
{
    const int *Ap = A->p, *Ai = A->i;
    for (size_t r = 0; r < A->nrow; r++)
        count[r] = 0;
    for (int p = Ap[lo]; p < Ap[hi]; p++)
        count[Ai[p]]++;
}

/* Writes the entries of columns [lo, hi) of A into T, entry (r, c) at next[r]++. */
static void scatter_columns(const cholmod_sparse *A, size_t lo, size_t hi, int *next,
                            cholmod_sparse *T)
{
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    int *Ti = T->i;
    double *Tx = T->x;
    for (size_t c = lo; c < hi; c++)
        for (int p = Ap[c]; p < Ap[c + 1]; p++) {
            int at = next[Ai[p]]++;
            Ti[at] = (int)c;
            Tx[at] = Ax[p];
        }
}

/* What CHOLMOD's serial transpose gives, for the matrices the parallel one does not take. */
static cholmod_sparse *cholmod_transposed(const cholmod_sparse *A)
{
    cholmod_common cc;
    nt_cholmod_start(&cc);
    /* CHOLMOD's API is not const-correct; the transpose only reads A. */
    cholmod_sparse *T = cholmod_transpose((cholmod_sparse *)A, 1, &cc);
    cholmod_finish(&cc);
    return T;
}

/* The counting transpose, in parallel: A's columns are cut into contiguous shares of about
 * equal entries; each share counts its entries per row, a prefix sum over (row, share) gives
 * each share its own segment of every column of T, and each share writes there in column
 * order, so T's columns come out sorted, entry for entry what cholmod_transpose gives. */
cholmod_sparse *nt_sparse_transpose(const cholmod_sparse *A, int threads)
{
    if (!A->packed || A->xtype != CHOLMOD_REAL || A->itype != CHOLMOD_INT)
        return cholmod_transposed(A);
    const int *Ap = A->p;
    size_t nnz = (size_t)Ap[A->ncol], m = A->nrow;
    int shares = nnz < TRANSPOSE_PARALLEL_MIN
                     ? 1
                     : nt_split_shares(nnz, m, threads > 0 ? threads : omp_get_max_threads());
    cholmod_sparse *T = nt_sparse_allocate(A->ncol, m, nnz ? nnz : 1);
    size_t *first = malloc(((size_t)shares + 1) * sizeof *first);
    int *seg = malloc((size_t)shares * (m ? m : 1) * sizeof *seg);
    if (!T || !first || !seg) {
        nt_sparse_free(&T);
        free(first);
        free(seg);
        return NULL;
    }
    for (int s = 0; s <= shares; s++)
        first[s] = nt_split_start(Ap, A->ncol, s, shares);
#pragma omp parallel for num_threads(shares) schedule(static, 1)
    for (int s = 0; s < shares; s++)
        count_rows(A, first[s], first[s + 1], seg + (size_t)s * m);
    nt_split_offsets(seg, shares, m, T->p);
#pragma omp parallel for num_threads(shares) schedule(static, 1)
    for (int s = 0; s < shares; s++)
        scatter_columns(A, first[s], first[s + 1], seg + (size_t)s * m, T);
    free(first);
    free(seg);
    return T;
}

void nt_sparse_free(cholmod_sparse **A)
{
    if (!A || !*A)
        return;
    cholmod_common cc;
    nt_cholmod_start(&cc);
    cholmod_free_sparse(A, &cc);
    cholmod_finish(&cc);
}

int nt_sparse_check_values(const cholmod_sparse *A, const char *what, nt_error *err)
{
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    for (size_t j = 0; j < A->ncol; j++)
        for (int p = Ap[j]; p < Ap[j + 1]; p++) {
            double v = Ax[p];
            if (!isfinite(v) || v < 0)
                return nt_error_set(err, NT_EINVAL,
                                    "%s: entry (%d, %zu) is %g; NMF needs finite non-negative values",
                                    what, Ai[p] + 1, j + 1, v);
        }
    return NT_OK;
}
