/* mtx_write.c: CHOLMOD sparse matrices to Matrix Market coordinate files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "matrix/decimal.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

/* Writes the coordinate format directly rather than through cholmod_write_sparse: CHOLMOD
 * prints every value with increasing precision until it reads back exactly, and checks the
 * matrix for symmetry first, which made writing a TF-IDF matrix of a million entries take
 * 4-9 s. Values are written as "%.17g" would (17 significant digits round-trip any double),
 * but formatted by nt_decimal_g17 into a large buffer: through fprintf, formatting alone
 * took 0.5 s for a million entries. Reading, which must accept every variant of the
 * format, is mtx_read.c's. */
#define LINES_PER_CHUNK 4096

int nt_sparse_write_mtx(const char *path, const cholmod_sparse *A, nt_error *err)
{
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    /* A line is two indices and a value, separated by spaces. */
    char *buf = malloc(LINES_PER_CHUNK * 3 * NT_DECIMAL_MAX);
    if (!buf) {
        nt_output_abort(&out);
        return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", path);
    }
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    fprintf(out.fp, "%%%%MatrixMarket matrix coordinate real general\n%zu %zu %d\n", A->nrow,
            A->ncol, Ap[A->ncol]);
    char *end = buf;
    int lines = 0;
    for (size_t j = 0; j < A->ncol; j++)
        for (int p = Ap[j]; p < Ap[j + 1]; p++) {
            end = nt_decimal_uint(end, (uint64_t)Ai[p] + 1);
            *end++ = ' ';
            end = nt_decimal_uint(end, j + 1);
            *end++ = ' ';
            end = nt_decimal_g17(end, Ax[p]);
            *end++ = '\n';
            if (++lines == LINES_PER_CHUNK) {
                fwrite(buf, 1, (size_t)(end - buf), out.fp);
                end = buf;
                lines = 0;
            }
        }
    fwrite(buf, 1, (size_t)(end - buf), out.fp);
    free(buf);
    return nt_output_commit(&out, err);
}
