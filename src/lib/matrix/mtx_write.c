/* mtx_write.c: CHOLMOD sparse matrices to Matrix Market coordinate files. */
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matrix/decimal.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

#define LINES_PER_BLOCK 16384
#define LINE_MAX_BYTES (3 * NT_DECIMAL_MAX)  /* two indices and a value, with separators */
#define BLOCK_BYTES ((size_t)LINES_PER_BLOCK * LINE_MAX_BYTES)

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

/* The column holding entry p: the last j with Ap[j] <= p. */
static size_t column_of(const int *Ap, size_t ncol, int p)
{
    size_t lo = 0, hi = ncol;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (Ap[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Formats entries [p, end) into buf, column by column; returns the end of the text. */
static char *format_block(const cholmod_sparse *A, int p, int end, char *buf)
{
    const int *Ap = A->p;
    for (size_t j = column_of(Ap, A->ncol, p); p < end; j++) {
        int stop = Ap[j + 1] < end ? Ap[j + 1] : end;
        buf = format_lines(A, j, p, stop, buf);
        p = stop;
    }
    return buf;
}

/* Blocks of a round in one of the two buffer sets: their text, and its length. */
typedef struct block_set {
    char *text;      /* size per_round * BLOCK_BYTES */
    size_t *length;  /* size per_round */
} block_set;

/* Formats block b (of LINES_PER_BLOCK entries) of A into slot t of set. */
static void format_into(const cholmod_sparse *A, long b, block_set *set, long t)
{
    int nnz = ((const int *)A->p)[A->ncol];
    int p = (int)(b * LINES_PER_BLOCK);
    int end = nnz - p < LINES_PER_BLOCK ? nnz : p + LINES_PER_BLOCK;
    char *buf = set->text + (size_t)t * BLOCK_BYTES;
    set->length[t] = (size_t)(format_block(A, p, end, buf) - buf);
}

/* The number of blocks in round r: per_round, fewer in the last, none past it. */
static long round_blocks(long blocks, long per_round, long r)
{
    long left = blocks - r * per_round;
    return left < 0 ? 0 : left < per_round ? left : per_round;
}

/* Writes the first count blocks of set, in order. */
static void write_set(const block_set *set, long count, FILE *fp)
{
    for (long t = 0; t < count; t++)
        fwrite(set->text + (size_t)t * BLOCK_BYTES, 1, set->length[t], fp);
}

/* Writes the coordinate format directly rather than through cholmod_write_sparse: CHOLMOD
 * prints every value with increasing precision until it reads back exactly, and checks the
 * matrix for symmetry first, which made writing a TF-IDF matrix of a million entries take
 * 4-9 s. Values are written as "%.17g" would (17 significant digits round-trip any double),
 * but formatted by nt_decimal_g17 into large buffers: through fprintf, formatting alone
 * took 0.5 s for a million entries. Entries go in rounds of per_round blocks of
 * LINES_PER_BLOCK: the OpenMP threads format a round's blocks into one set of buffers
 * while one of them writes the previous round's from the other set, in block order, so
 * the file is the same for any number of threads. (An ordered loop handing over block by
 * block crawled when the machine had more busy threads than cores.) Reading, which must
 * accept every variant of the format, is mtx_read.c's. */
int nt_sparse_write_mtx(const char *path, const cholmod_sparse *A, nt_error *err)
{
    int nnz = ((const int *)A->p)[A->ncol];
    long blocks = ((long)nnz + LINES_PER_BLOCK - 1) / LINES_PER_BLOCK;
    int threads = omp_get_max_threads();
    if (blocks < threads)
        threads = blocks > 0 ? (int)blocks : 1;
    long per_round = 2 * (long)threads;  /* the writer formats fewer, the others more */
    if (blocks < per_round)  /* buffers for the blocks there are, not for idle threads */
        per_round = blocks > 0 ? blocks : 1;
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status != NT_OK)
        return status;
    block_set sets[2];
    char *text = malloc(2 * (size_t)per_round * BLOCK_BYTES);
    size_t *lengths = malloc(2 * (size_t)per_round * sizeof *lengths);
    if (!text || !lengths) {
        free(text);
        free(lengths);
        nt_output_abort(&out);
        return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", path);
    }
    for (int k = 0; k < 2; k++)
        sets[k] = (block_set){text + (size_t)k * (size_t)per_round * BLOCK_BYTES,
                              lengths + (size_t)k * (size_t)per_round};
    fprintf(out.fp, "%%%%MatrixMarket matrix coordinate real general\n%zu %zu %d\n", A->nrow,
            A->ncol, nnz);
    long rounds = (blocks + per_round - 1) / per_round;
#pragma omp parallel num_threads(threads)
    for (long r = 0; r <= rounds; r++) {
#pragma omp single nowait
        if (r > 0)  /* the previous round, whose set the last loop's barrier completed */
            write_set(&sets[(r - 1) % 2], round_blocks(blocks, per_round, r - 1), out.fp);
#pragma omp for schedule(dynamic, 1)
        for (long t = 0; t < round_blocks(blocks, per_round, r); t++)
            format_into(A, r * per_round + t, &sets[r % 2], t);
    }
    free(text);
    free(lengths);
    return nt_output_commit(&out, err);
}
