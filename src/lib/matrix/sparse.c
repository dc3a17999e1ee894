/* sparse.c: allocating, transposing, freeing and checking CHOLMOD sparse matrices. */
#include <math.h>

#include "cholmod_context.h"
#include "nmftopics/matrix.h"

cholmod_sparse *nt_sparse_allocate(size_t m, size_t n, size_t nzmax)
{
    cholmod_common cc;
    nt_cholmod_start(&cc);
    cholmod_sparse *A = cholmod_allocate_sparse(m, n, nzmax, 1, 1, 0, CHOLMOD_REAL, &cc);
    cholmod_finish(&cc);
    return A;
}

cholmod_sparse *nt_sparse_transpose(const cholmod_sparse *A)
{
    cholmod_common cc;
    nt_cholmod_start(&cc);
    /* CHOLMOD's API is not const-correct; the transpose only reads A. */
    cholmod_sparse *T = cholmod_transpose((cholmod_sparse *)A, 1, &cc);
    cholmod_finish(&cc);
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
