/* assemble.c: compressed-column assembly by counting (column sizes, prefix sums, then one
 * scatter in row order, which leaves each column's rows sorted), TF-IDF weighting and row
 * normalisation, following scikit-learn's TfidfTransformer: tf or 1 + ln(tf), times the
 * smooth idf ln((1 + n) / (1 + df)) + 1, then rows scaled to unit l2 or l1 norm. */
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

/* Fills Ap from the column sizes; returns the number of nonzeros. */
static size_t column_pointers(const nt_row *rows, size_t m, const int *map, size_t n_terms,
                              int *Ap)
{
    size_t nnz = 0;
    for (size_t j = 0; j <= n_terms; j++)
        Ap[j] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t k = 0; k < rows[i].n; k++) {
            int j = map[rows[i].term[k]];
            if (j >= 0) {
                Ap[j + 1]++;
                nnz++;
            }
        }
    for (size_t j = 0; j < n_terms; j++)
        Ap[j + 1] += Ap[j];
    return nnz;
}

/* Places every mapped entry in its column, weighted; next (size n_terms) is scratch. The
 * writes land all over A: each thread takes the columns of one share and scans all rows
 * for them, so that it writes to its own part of A only. */
static void scatter(const nt_row *rows, const int *map, const double *idf,
                    const nt_tfidf_options *o, cholmod_sparse *A, int *next, int threads)
{
    const int *Ap = A->p;
    int *Ai = A->i;
    double *Ax = A->x;
    for (size_t j = 0; j < A->ncol; j++)
        next[j] = Ap[j];
#pragma omp parallel num_threads(threads)
    {
        int t = omp_get_thread_num(), n_threads = omp_get_num_threads();
        size_t lo = nt_split_start(Ap, A->ncol, t, n_threads);
        size_t hi = nt_split_start(Ap, A->ncol, t + 1, n_threads);
        for (size_t i = 0; i < A->nrow; i++)
            for (size_t k = 0; k < rows[i].n; k++) {
                int j = map[rows[i].term[k]];
                if (j < 0 || (size_t)j < lo || (size_t)j >= hi)
                    continue;
                double tf = rows[i].count[k];
                if (o->sublinear_tf)
                    tf = 1.0 + log(tf);
                Ai[next[j]] = (int)i;
                Ax[next[j]++] = idf ? tf * idf[j] : tf;
            }
    }
}

/* Scales each row to unit norm; norm (size m) is scratch. Sums run in column order, so
 * the result does not depend on how the rows were produced. Returns the empty rows. */
static size_t normalise(cholmod_sparse *A, nt_tfidf_norm kind, double *norm)
{
    const int *Ap = A->p, *Ai = A->i;
    double *Ax = A->x;
    for (size_t i = 0; i < A->nrow; i++)
        norm[i] = 0.0;
    for (int p = 0; p < Ap[A->ncol]; p++)
        norm[Ai[p]] += kind == NT_NORM_L1 ? fabs(Ax[p]) : Ax[p] * Ax[p];
    size_t empty = 0;
    for (size_t i = 0; i < A->nrow; i++) {
        empty += norm[i] == 0.0;
        if (kind == NT_NORM_L2)
            norm[i] = sqrt(norm[i]);
    }
    if (kind != NT_NORM_NONE)
        for (int p = 0; p < Ap[A->ncol]; p++)
            if (norm[Ai[p]] > 0.0)
                Ax[p] /= norm[Ai[p]];
    return empty;
}

int nt_dtm_assemble(const nt_row *rows, size_t m, const int *map, size_t n_terms,
                    const double *idf, const nt_tfidf_options *o, int threads,
                    cholmod_sparse **out, size_t *empty_rows, nt_error *err)
{
    int *Ap = malloc((n_terms + 1) * sizeof *Ap);
    int *next = malloc((n_terms ? n_terms : 1) * sizeof *next);
    double *norm = malloc((m ? m : 1) * sizeof *norm);
    cholmod_sparse *A = NULL;
    int rc = NT_OK;
    size_t nnz = 0;
    if (Ap && next && norm) {
        nnz = column_pointers(rows, m, map, n_terms, Ap);
        if (nnz > INT_MAX || m > INT_MAX)
            rc = nt_error_set(err, NT_EINVAL, "%zu nonzeros in %zu rows exceed the int indices "
                              "of the sparse matrix", nnz, m);
        else if (!(A = nt_sparse_allocate(m, n_terms, nnz ? nnz : 1)))
            rc = NT_ENOMEM;
    } else {
        rc = NT_ENOMEM;
    }
    if (rc == NT_OK) {
        for (size_t j = 0; j <= n_terms; j++)
            ((int *)A->p)[j] = Ap[j];
        scatter(rows, map, idf, o, A, next, threads > 0 ? threads : omp_get_max_threads());
        *empty_rows = normalise(A, o->norm, norm);
        *out = A;
    } else if (rc == NT_ENOMEM) {
        nt_error_set(err, rc, "out of memory assembling a %zu x %zu matrix with %zu nonzeros",
                     m, n_terms, nnz);
    }
    free(Ap);
    free(next);
    free(norm);
    return rc;
}
