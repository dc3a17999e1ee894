/* test_dtm_assemble.c: nt_dtm_assemble on hand-made rows against a dense reference, and
 * the same bytes for one, two and three threads. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "dtm/assemble.h"
#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "test_dtm.h"

enum { ROWS = 240, IDS = 40, COLS = 30, MAX_N = 24 };

/* Rows of distinct builder ids in shuffled order with counts 1..5 (fixed seed); every
 * seventh row empty and every eleventh holding only ids the map leaves out. */
static void make_rows(nt_row *rows, int (*term)[MAX_N], int (*count)[MAX_N])
{
    uint64_t state = 20261122;
    for (int i = 0; i < ROWS; i++) {
        int ids[IDS];
        for (int k = 0; k < IDS; k++)
            ids[k] = k;
        size_t n = i % 7 == 0 ? 0 : 1 + (size_t)(nt_test_lcg(&state) * (MAX_N - 1));
        for (size_t k = 0; k < n; k++) { /* a partial Fisher-Yates shuffle */
            size_t r = k + (size_t)(nt_test_lcg(&state) * (double)(IDS - k));
            int tmp = ids[k];
            ids[k] = ids[r];
            ids[r] = tmp;
            term[i][k] = i % 11 == 0 ? 4 * (int)k + 3 : ids[k];
            count[i][k] = 1 + (int)(nt_test_lcg(&state) * 5);
        }
        rows[i] = (nt_row){term[i], count[i], i % 11 == 0 && n > 10 ? 10 : n};
    }
}

/* Ids k with k % 4 == 3 are left out; the others go to columns in a scrambled order. */
static void make_map(int *map)
{
    for (int id = 0, k = 0; id < IDS; id++)
        map[id] = id % 4 == 3 ? -1 : (7 * k++) % COLS;
}

/* The expected matrix, dense and row-major, weighted and normalised with the norm summed
 * in column order; returns the rows left empty. */
static size_t reference(const nt_row *rows, const int *map, const double *idf,
                        const nt_tfidf_options *o, double (*dense)[COLS])
{
    size_t empty = 0;
    for (int i = 0; i < ROWS; i++) {
        double norm = 0.0;
        memset(dense[i], 0, sizeof dense[i]);
        for (size_t k = 0; k < rows[i].n; k++) {
            int j = map[rows[i].term[k]];
            double tf = o->sublinear_tf ? 1.0 + log(rows[i].count[k]) : rows[i].count[k];
            if (j >= 0)
                dense[i][j] = idf ? tf * idf[j] : tf;
        }
        for (int j = 0; j < COLS; j++)
            norm += o->norm == NT_NORM_L1 ? fabs(dense[i][j]) : dense[i][j] * dense[i][j];
        empty += norm == 0.0;
        if (o->norm == NT_NORM_L2)
            norm = sqrt(norm);
        for (int j = 0; o->norm != NT_NORM_NONE && norm > 0.0 && j < COLS; j++)
            dense[i][j] /= norm;
    }
    return empty;
}

/* A's pattern is dense's nonzeros with rows sorted in each column, and its values are
 * dense's exactly: both make every entry with the same operations in the same order. */
static void assert_matches(const cholmod_sparse *A, double (*dense)[COLS])
{
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    ck_assert_uint_eq(A->nrow, ROWS);
    ck_assert_uint_eq(A->ncol, COLS);
    ck_assert(A->sorted && A->packed);
    for (int j = 0; j < COLS; j++) {
        int p = Ap[j];
        for (int i = 0; i < ROWS; i++)
            if (dense[i][j] != 0.0) {
                ck_assert_int_lt(p, Ap[j + 1]);
                ck_assert_int_eq(Ai[p], i);
                ck_assert_double_eq(Ax[p++], dense[i][j]);
            }
        ck_assert_int_eq(p, Ap[j + 1]);
    }
}

static int rows_term[ROWS][MAX_N], rows_count[ROWS][MAX_N];
static double dense[ROWS][COLS];

START_TEST(assembly_matches_reference_for_any_thread_count)
{
    nt_row rows[ROWS];
    int map[IDS];
    double idf[COLS];
    make_rows(rows, rows_term, rows_count);
    make_map(map);
    for (int j = 0; j < COLS; j++)
        idf[j] = 1.0 + 0.37 * j;
    nt_tfidf_options o;
    nt_tfidf_options_init(&o);
    o.norm = _i == 0 ? NT_NORM_L2 : _i == 1 ? NT_NORM_L1 : NT_NORM_NONE;
    o.sublinear_tf = _i == 1;
    const double *weights = _i == 2 ? NULL : idf;
    size_t want_empty = reference(rows, map, weights, &o, dense);
    ck_assert_uint_gt(want_empty, 0);
    cholmod_sparse *one = NULL;
    for (int threads = 1; threads <= 3; threads++) {
        cholmod_sparse *A = NULL;
        size_t empty = 0;
        ck_assert_int_eq(nt_dtm_assemble(rows, ROWS, map, COLS, weights, &o, threads, &A,
                                         &empty, NULL), NT_OK);
        ck_assert_uint_eq(empty, want_empty);
        assert_matches(A, dense);
        if (!one) {
            one = A;
            continue;
        }
        size_t nnz = (size_t)((const int *)one->p)[COLS];
        ck_assert_int_eq(memcmp(A->i, one->i, nnz * sizeof(int)), 0);
        ck_assert_int_eq(memcmp(A->x, one->x, nnz * sizeof(double)), 0); /* bit-identical */
        nt_sparse_free(&A);
    }
    nt_sparse_free(&one);
}
END_TEST

void add_assemble_tests(TCase *tc)
{
    tcase_add_loop_test(tc, assembly_matches_reference_for_any_thread_count, 0, 3);
}
