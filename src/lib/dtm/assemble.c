/* assemble.c: compressed-column assembly by the parallel counting transpose, then TF-IDF
 * weighting and row normalisation following scikit-learn's TfidfTransformer: tf or
 * 1 + ln(tf), times the smooth idf ln((1 + n) / (1 + df)) + 1, then rows scaled to unit l2
 * or l1 norm. The documents are cut into contiguous shares, one per thread; each thread
 * counts its rows' entries per column, a prefix sum over (column, share) gives every share
 * its own segment of every column, and each thread writes its rows there in row order, so
 * each column's rows come out sorted. A row's norm is summed in column order, as a scan of
 * the finished matrix would, so the result does not depend on the number of threads. */
#include "dtm/assemble.h"

#include <limits.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "common/split.h"
#include "nmftopics/matrix.h"

double *nt_dtm_idf(const nt_vocab *v, size_t n_docs, int use_idf)
{
    double *idf = malloc((v->n_terms ? v->n_terms : 1) * sizeof *idf);
    if (!idf)
        return NULL;
    for (size_t j = 0; j < v->n_terms; j++)
        idf[j] = use_idf ? log((double)(n_docs + 1) / (double)(v->df[j] + 1)) + 1.0 : 1.0;
    return idf;
}

/* The number of shares: at most `threads`, and few enough that the per-share column
 * counts (shares x n_terms) stay within the rows' entries, so that small inputs are not
 * spread thin. Fills first (size shares+1): share s is the rows [first[s], first[s+1]),
 * cut where the running entry count reaches the next multiple of total / shares. */
static int row_shares(const nt_row *rows, size_t m, size_t n_terms, int threads,
                      size_t **first)
{
    size_t total = 0;
    for (size_t i = 0; i < m; i++)
        total += rows[i].n;
    int shares = nt_split_shares(total, n_terms, threads);
    if (!(*first = malloc(((size_t)shares + 1) * sizeof **first)))
        return 0;
    size_t seen = 0, i = 0;
    for (int s = 0; s < shares; s++) {
        while (i < m && seen < total / (size_t)shares * (size_t)s)
            seen += rows[i++].n;
        (*first)[s] = i;
    }
    (*first)[shares] = m;
    return shares;
}

/* Counts the mapped entries of rows [lo, hi) per column into count (size n_terms). */
static void count_share(const nt_row *rows, size_t lo, size_t hi, const int *map,
                        size_t n_terms, int *count)
{
    for (size_t j = 0; j < n_terms; j++)
        count[j] = 0;
    for (size_t i = lo; i < hi; i++)
        for (size_t k = 0; k < rows[i].n; k++) {
            int j = map[rows[i].term[k]];
            if (j >= 0)
                count[j]++;
        }
}

/* Writes the weighted entries of rows [lo, hi) at next[column] (size n_terms), which ends
 * at the end of the share's segment of each column. */
static void scatter_share(const nt_row *rows, size_t lo, size_t hi, const int *map,
                          const double *idf, int sublinear, cholmod_sparse *A, int *next)
{
    int *Ai = A->i;
    double *Ax = A->x;
    for (size_t i = lo; i < hi; i++)
        for (size_t k = 0; k < rows[i].n; k++) {
            int j = map[rows[i].term[k]];
            if (j < 0)
                continue;
            double tf = rows[i].count[k];
            if (sublinear)
                tf = 1.0 + log(tf);
            Ai[next[j]] = (int)i;
            Ax[next[j]++] = idf ? tf * idf[j] : tf;
        }
}

/* Scales the rows [lo, hi) of share s to unit norm, once the share has been scattered:
 * its entries in column j are then [start[j], end[j]), start being the previous share's
 * end (Ap for the first share) and end its own next (seg + s * n_terms). Each row's norm
 * is summed in column order. norm (size m) is scratch; returns the share's empty rows. */
static size_t normalise_share(cholmod_sparse *A, const int *seg, int s, size_t lo, size_t hi,
                              nt_tfidf_norm kind, double *norm)
{
    size_t n = A->ncol, empty = 0;
    const int *Ai = A->i;
    const int *start = s ? seg + (size_t)(s - 1) * n : A->p, *end = seg + (size_t)s * n;
    double *Ax = A->x;
    for (size_t i = lo; i < hi; i++)
        norm[i] = 0.0;
    for (size_t j = 0; j < n; j++)
        for (int p = start[j]; p < end[j]; p++)
            norm[Ai[p]] += kind == NT_NORM_L1 ? fabs(Ax[p]) : Ax[p] * Ax[p];
    for (size_t i = lo; i < hi; i++) {
        empty += norm[i] == 0.0;
        if (kind == NT_NORM_L2)
            norm[i] = sqrt(norm[i]);
    }
    if (kind != NT_NORM_NONE)
        for (size_t j = 0; j < n; j++)
            for (int p = start[j]; p < end[j]; p++)
                if (norm[Ai[p]] > 0.0)
                    Ax[p] /= norm[Ai[p]];
    return empty;
}

/* Counts every share's entries per column (seg, size shares x n_terms), turns them into
 * offsets and allocates *A with its column pointers set. */
static int allocate_matrix(const nt_row *rows, size_t m, const int *map, size_t n_terms,
                           const size_t *first, int shares, int *seg, cholmod_sparse **A,
                           nt_error *err)
{
    int *Ap = malloc((n_terms + 1) * sizeof *Ap);
    if (!Ap)
        return nt_error_set(err, NT_ENOMEM, "out of memory assembling a %zu x %zu matrix", m,
                            n_terms);
#pragma omp parallel for num_threads(shares) schedule(static, 1)
    for (int s = 0; s < shares; s++)
        count_share(rows, first[s], first[s + 1], map, n_terms, seg + (size_t)s * n_terms);
    size_t nnz = nt_split_offsets(seg, shares, n_terms, Ap);
    int rc = NT_OK;
    if (nnz > INT_MAX)
        rc = nt_error_set(err, NT_EINVAL, "%zu nonzeros in %zu rows exceed the int indices "
                          "of the sparse matrix", nnz, m);
    else if (!(*A = nt_sparse_allocate(m, n_terms, nnz ? nnz : 1)))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory assembling a %zu x %zu matrix with "
                          "%zu nonzeros", m, n_terms, nnz);
    for (size_t j = 0; rc == NT_OK && j <= n_terms; j++)
        ((int *)(*A)->p)[j] = Ap[j];
    free(Ap);
    return rc;
}

int nt_dtm_assemble(const nt_row *rows, size_t m, const int *map, size_t n_terms,
                    const double *idf, const nt_tfidf_options *o, int threads,
                    cholmod_sparse **out, size_t *empty_rows, nt_error *err)
{
    if (m > INT_MAX)
        return nt_error_set(err, NT_EINVAL, "%zu rows exceed the int indices of the sparse "
                            "matrix", m);
    size_t *first = NULL;
    int shares = row_shares(rows, m, n_terms, threads > 0 ? threads : omp_get_max_threads(),
                            &first);
    int *seg = first ? malloc((size_t)shares * (n_terms ? n_terms : 1) * sizeof *seg) : NULL;
    double *norm = malloc((m ? m : 1) * sizeof *norm);
    cholmod_sparse *A = NULL;
    int rc = seg && norm ? allocate_matrix(rows, m, map, n_terms, first, shares, seg, &A, err)
                         : nt_error_set(err, NT_ENOMEM, "out of memory assembling a %zu x %zu "
                                        "matrix", m, n_terms);
    if (rc == NT_OK) {
        size_t empty = 0;
#pragma omp parallel num_threads(shares) reduction(+ : empty)
        {
#pragma omp for schedule(static, 1)
            for (int s = 0; s < shares; s++)
                scatter_share(rows, first[s], first[s + 1], map, idf, o->sublinear_tf, A,
                              seg + (size_t)s * n_terms);
            /* the implied barrier: share s - 1 has reached the start of share s */
#pragma omp for schedule(static, 1)
            for (int s = 0; s < shares; s++)
                empty += normalise_share(A, seg, s, first[s], first[s + 1], o->norm, norm);
        }
        *empty_rows = empty;
        *out = A;
    }
    free(first);
    free(seg);
    free(norm);
    return rc;
}
