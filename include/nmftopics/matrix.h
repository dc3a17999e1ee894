/* matrix.h: the matrices nmftopics works on, and their Matrix Market / TSV files. */
#ifndef NMFTOPICS_MATRIX_H
#define NMFTOPICS_MATRIX_H

#include <stddef.h>

#include <cholmod.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A read-only view of an m x n non-negative matrix, sparse or dense. Exactly one of
 * sparse and dense is set. The view owns nothing. */
typedef struct nt_matrix {
    size_t m;                      /* rows (documents) */
    size_t n;                      /* columns (terms) */
    const cholmod_sparse *sparse;  /* compressed-column, real, sorted, packed; or NULL */
    const double *dense;           /* column-major, size m*n; or NULL */
} nt_matrix;

/* Reads a Matrix Market file ("coordinate" or "array"; real, integer or pattern; general
 * or symmetric) into a real, unsymmetric, sorted, packed CHOLMOD sparse matrix, which the
 * caller frees with nt_sparse_free. Duplicate entries are summed; pattern entries become 1.
 * A missing file is NT_EIO, an unparsable or complex one NT_EFORMAT, both naming the path. */
int nt_sparse_read_mtx(const char *path, cholmod_sparse **out, nt_error *err);

/* Writes A as Matrix Market through a temporary file renamed into place; the values are
 * formatted on OpenMP's default number of threads (omp_get_max_threads), and the file is the
 * same for any number. */
int nt_sparse_write_mtx(const char *path, const cholmod_sparse *A, nt_error *err);

/* Allocates an m x n real sparse matrix with room for nzmax entries, in the form
 * nt_sparse_read_mtx returns; NULL when out of memory. */
cholmod_sparse *nt_sparse_allocate(size_t m, size_t n, size_t nzmax);

/* Returns the transpose of A (so that rows of A become contiguous), or NULL when out of
 * memory; the same matrix, entry for entry, as CHOLMOD's cholmod_transpose gives. A packed
 * real matrix (the form this library makes) is transposed on threads threads (0: OpenMP's
 * default, omp_get_max_threads), any other by CHOLMOD on one. */
cholmod_sparse *nt_sparse_transpose(const cholmod_sparse *A, int threads);

/* Frees *A and sets it to NULL; accepts NULL and a pointer to NULL. */
void nt_sparse_free(cholmod_sparse **A);

/* Checks that every stored value of A is finite and non-negative. On failure err names
 * `what` (e.g. the file name) and the first offending entry by 1-based row and column. */
int nt_sparse_check_values(const cholmod_sparse *A, const char *what, nt_error *err);

/* Element (r, c) of a dense matrix lives at X[r * row_stride + c * col_stride]: a
 * column-major rows x cols matrix has strides (1, rows), a row-major one (cols, 1). */
typedef struct nt_dense_layout {
    size_t rows;
    size_t cols;
    size_t row_stride;
    size_t col_stride;
} nt_dense_layout;

/* Writes a dense matrix as a Matrix Market "array" file, full double precision. */
int nt_dense_write_mtx(const char *path, const double *X, nt_dense_layout layout, nt_error *err);

/* Writes a dense matrix as tab-separated rows, full double precision, no header. */
int nt_dense_write_tsv(const char *path, const double *X, nt_dense_layout layout, nt_error *err);

/* Reads any Matrix Market file as a dense column-major matrix (*X, size rows*cols, freed
 * by the caller with free()). */
int nt_dense_read_mtx(const char *path, double **X, size_t *rows, size_t *cols, nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
