/* mtx_write.c: CHOLMOD sparse matrices to Matrix Market coordinate files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matrix/decimal.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

#define LINES_PER_CHUNK 4096
#define LINE_MAX_BYTES (3 * NT_DECIMAL_MAX)  /* two indices and a value, with separators */

/* Appends the lines of entries [p, end) of A, all in column j (0-based), to buf. The
 * column's part of a line, " J ", is formatted once and copied as 24 fixed bytes (a few
 * moves), of which its length counts. */
static char *format_lines(const cholmod_sparse *A, size_t j, int p, int end, char *buf)
{
    const int *Ai = A->i;
    const double *Ax = A->x;
    char column[24];
    column[0] = ' ';
    char *column_end = nt_decimal_uint(column + 1, j + 1);
    *column_end++ = ' ';
    size_t column_len = (size_t)(column_end - column);
    for (; p < end; p++) {
        buf = nt_decimal_uint(buf, (uint64_t)Ai[p] + 1);
        memcpy(buf, column, sizeof column);
        buf = nt_decimal_g17(buf + column_len, Ax[p]);
        *buf++ = '\n';
    }
    return buf;
}

/* Writes the coordinate format directly rather than through cholmod_write_sparse: CHOLMOD
 * prints every value with increasing precision until it reads back exactly, and checks the
 * matrix for symmetry first, which made writing a TF-IDF matrix of a million entries take
 * 4-9 s. Values are written as "%.17g" would (17 significant digits round-trip any double),
 * but formatted by nt_decimal_g17 into a large buffer: through fprintf, formatting alone
 * took 0.5 s for a million entries. Reading, which must accept every variant of the
 * format, is mtx_read.c's. */
int nt_sparse_write_mtx(const char *path, const cholmod_sparse *A, nt_error *err)
{
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    char *buf = malloc(LINES_PER_CHUNK * LINE_MAX_BYTES);
    if (!buf) {
        nt_output_abort(&out);
        return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", path);
    }
    const int *Ap = A->p;
    fprintf(out.fp, "%%%%MatrixMarket matrix coordinate real general\n%zu %zu %d\n", A->nrow,
            A->ncol, Ap[A->ncol]);
    char *end = buf;
    int room = LINES_PER_CHUNK;  /* lines the buffer has room for */
    for (size_t j = 0; j < A->ncol; j++)
        for (int p = Ap[j]; p < Ap[j + 1];) {
            int n = Ap[j + 1] - p < room ? Ap[j + 1] - p : room;
            end = format_lines(A, j, p, p + n, end);
            p += n;
            if ((room -= n) == 0) {
                fwrite(buf, 1, (size_t)(end - buf), out.fp);
                end = buf;
                room = LINES_PER_CHUNK;
            }
        }
    fwrite(buf, 1, (size_t)(end - buf), out.fp);
    free(buf);
    return nt_output_commit(&out, err);
}
