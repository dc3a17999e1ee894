/* dense_io.c: dense factors to and from Matrix Market "array" files and TSV. */
#include <stdio.h>
#include <stdlib.h>

#include "common/number.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

static double element(const double *X, nt_dense_layout L, size_t r, size_t c)
{
    return X[r * L.row_stride + c * L.col_stride];
}

/* Writes v with 17 significant digits, which read back exactly, then after; '.' whatever
 * the locale. */
static void put_value(FILE *fp, double v, char after)
{
    char buf[NT_NUMBER_MAX];
    nt_number_g(buf, 17, v);
    fputs(buf, fp);
    fputc(after, fp);
}

/* Written directly, as the sparse writer is: cholmod_write_dense searches for the shortest
 * exact form of every value, which costs seconds for a topic-term matrix. */
int nt_dense_write_mtx(const char *path, const double *X, nt_dense_layout layout, nt_error *err)
{
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    fprintf(out.fp, "%%%%MatrixMarket matrix array real general\n%zu %zu\n", layout.rows, layout.cols);
    for (size_t c = 0; c < layout.cols; c++)
        for (size_t r = 0; r < layout.rows; r++)
            put_value(out.fp, element(X, layout, r, c), '\n');
    return nt_output_commit(&out, err);
}

int nt_dense_write_tsv(const char *path, const double *X, nt_dense_layout layout, nt_error *err)
{
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    for (size_t r = 0; r < layout.rows; r++)
        for (size_t c = 0; c < layout.cols; c++)
            put_value(out.fp, element(X, layout, r, c), c + 1 < layout.cols ? '\t' : '\n');
    return nt_output_commit(&out, err);
}

int nt_dense_read_mtx(const char *path, double **X, size_t *rows, size_t *cols, nt_error *err)
{
    *X = NULL;
    cholmod_sparse *A;
    int status = nt_sparse_read_mtx(path, &A, err);
    if (status != NT_OK)
        return status;
    double *D = calloc(A->nrow * A->ncol + 1, sizeof *D);
    if (!D) {
        nt_sparse_free(&A);
        return nt_error_set(err, NT_ENOMEM, "out of memory reading %s", path);
    }
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    for (size_t j = 0; j < A->ncol; j++)
        for (int p = Ap[j]; p < Ap[j + 1]; p++)
            D[j * A->nrow + (size_t)Ai[p]] = Ax[p];
    *X = D;
    *rows = A->nrow;
    *cols = A->ncol;
    nt_sparse_free(&A);
    return NT_OK;
}
