/* mtx_sparse.c: Matrix Market files to and from CHOLMOD sparse matrices. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cholmod_context.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

/* Brings whatever cholmod_read_matrix returned to the one form the library uses. */
static cholmod_sparse *to_canonical(void *M, int mtype, cholmod_common *cc)
{
    cholmod_sparse *A = NULL;
    if (mtype == CHOLMOD_DENSE) {
        cholmod_dense *D = M;
        A = cholmod_dense_to_sparse(D, 1, cc);
        cholmod_free_dense(&D, cc);
    } else if (mtype == CHOLMOD_SPARSE) {
        A = M;
    } else {
        cholmod_triplet *T = M;
        cholmod_free_triplet(&T, cc);
        return NULL;
    }
    if (A && A->xtype == CHOLMOD_PATTERN && !cholmod_sparse_xtype(CHOLMOD_REAL, A, cc))
        cholmod_free_sparse(&A, cc);
    return A;
}

int nt_sparse_read_mtx(const char *path, cholmod_sparse **out, nt_error *err)
{
    *out = NULL;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return nt_error_set(err, NT_EIO, "cannot open %s: %s", path, strerror(errno));
    cholmod_common cc;
    nt_cholmod_start(&cc);
    int mtype = 0;
    void *M = cholmod_read_matrix(fp, 1, &mtype, &cc);
    fclose(fp);
    if (!M) {
        int status = cc.status == CHOLMOD_OUT_OF_MEMORY ? NT_ENOMEM : NT_EFORMAT;
        nt_error_set(err, status, "%s: not a readable Matrix Market file (%s)", path,
                     nt_cholmod_last_message());
        cholmod_finish(&cc);
        return status;
    }
    cholmod_sparse *A = to_canonical(M, mtype, &cc);
    int status = NT_OK;
    if (!A)
        status = nt_error_set(err, NT_EFORMAT, "%s: unsupported Matrix Market matrix", path);
    else if (A->xtype != CHOLMOD_REAL)
        status = nt_error_set(err, NT_EFORMAT, "%s: complex matrices are not supported", path);
    if (status != NT_OK)
        cholmod_free_sparse(&A, &cc);
    cholmod_finish(&cc);
    *out = A;
    return status;
}

/* Writes the coordinate format directly rather than through cholmod_write_sparse: CHOLMOD
 * prints every value with increasing precision until it reads back exactly, and checks the
 * matrix for symmetry first, which made writing a TF-IDF matrix of a million entries take
 * 4-9 s against 0.4 s for one "%.17g" per value (also exact: 17 significant digits
 * round-trip any double). Reading, which must accept every variant of the format, stays
 * with CHOLMOD. */
int nt_sparse_write_mtx(const char *path, const cholmod_sparse *A, nt_error *err)
{
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    fprintf(out.fp, "%%%%MatrixMarket matrix coordinate real general\n%zu %zu %d\n", A->nrow,
            A->ncol, Ap[A->ncol]);
    for (size_t j = 0; j < A->ncol; j++)
        for (int p = Ap[j]; p < Ap[j + 1]; p++)
            fprintf(out.fp, "%d %zu %.17g\n", Ai[p] + 1, j + 1, Ax[p]);
    return nt_output_commit(&out, err);
}
