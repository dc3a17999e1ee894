/* test_matrix.c: Matrix Market round trips through CHOLMOD, value checks, dense layouts. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "test_matrix.h"

/* Value of entry (r, c) of a sparse matrix, 0 when not stored. */
static double entry(const cholmod_sparse *A, int r, int c)
{
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    for (int p = Ap[c]; p < Ap[c + 1]; p++)
        if (Ai[p] == r)
            return Ax[p];
    return 0.0;
}

START_TEST(coordinate_file_reads_and_round_trips)
{
    const char *path = nt_test_write_file(NULL, "a.mtx",
                                          "%%MatrixMarket matrix coordinate real general\n"
                                          "% a comment\n3 4 4\n1 1 1.5\n3 2 2\n2 4 0.25\n3 2 1\n");
    cholmod_sparse *A = NULL, *B = NULL;
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, NULL), NT_OK);
    ck_assert_uint_eq(A->nrow, 3);
    ck_assert_uint_eq(A->ncol, 4);
    ck_assert_double_eq(entry(A, 0, 0), 1.5);
    ck_assert_double_eq(entry(A, 2, 1), 3.0); /* duplicates summed */
    ck_assert_double_eq(entry(A, 1, 3), 0.25);
    const char *out = nt_test_path(NULL, "b.mtx");
    ck_assert_int_eq(nt_sparse_write_mtx(out, A, NULL), NT_OK);
    ck_assert_int_eq(nt_sparse_read_mtx(out, &B, NULL), NT_OK);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            ck_assert_double_eq(entry(A, r, c), entry(B, r, c));
    nt_sparse_free(&A);
    nt_sparse_free(&B);
    ck_assert_ptr_null(A);
}
END_TEST

START_TEST(transpose_swaps_rows_and_columns)
{
    const char *path = nt_test_write_file(NULL, "t.mtx",
                                          "%%MatrixMarket matrix coordinate real general\n"
                                          "2 3 2\n1 3 4\n2 1 5\n");
    cholmod_sparse *A = NULL;
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, NULL), NT_OK);
    cholmod_sparse *T = nt_sparse_transpose(A, 0);
    ck_assert_uint_eq(T->nrow, 3);
    ck_assert_uint_eq(T->ncol, 2);
    ck_assert_double_eq(entry(T, 2, 0), 4.0);
    ck_assert_double_eq(entry(T, 0, 1), 5.0);
    nt_sparse_free(&A);
    nt_sparse_free(&T);
}
END_TEST

/* A 1000 x 500 matrix with about 26% of its entries stored, none in row 7 or column 3. */
static cholmod_sparse *random_sparse(void)
{
    uint64_t seed = 11;
    cholmod_sparse *A = nt_sparse_allocate(1000, 500, 1000 * 500);
    int *Ap = A->p, *Ai = A->i, q = 0;
    double *Ax = A->x;
    for (int c = 0; c < 500; c++) {
        Ap[c] = q;
        for (int r = 0; r < 1000; r++)
            if (nt_test_lcg(&seed) < 0.26 && r != 7 && c != 3) {
                Ai[q] = r;
                Ax[q++] = nt_test_lcg(&seed);
            }
    }
    Ap[500] = q;
    return A;
}

/* The parallel transpose (over 100,000 entries) gives, on 1, 2 and 3 threads and on
 * OpenMP's default, exactly what CHOLMOD's serial cholmod_transpose gives: same pointers,
 * row indices and values. */
START_TEST(transpose_equals_cholmod_on_any_thread_count)
{
    cholmod_sparse *A = random_sparse();
    ck_assert_int_gt(((int *)A->p)[500], 100000);
    cholmod_common cc;
    cholmod_start(&cc);
    cholmod_sparse *R = cholmod_transpose(A, 1, &cc);
    size_t nnz = (size_t)((int *)R->p)[1000];
    for (int threads = 0; threads <= 3; threads++) {
        cholmod_sparse *T = nt_sparse_transpose(A, threads);
        ck_assert_uint_eq(T->nrow, 500);
        ck_assert_uint_eq(T->ncol, 1000);
        ck_assert_int_eq(memcmp(T->p, R->p, 1001 * sizeof(int)), 0);
        ck_assert_int_eq(memcmp(T->i, R->i, nnz * sizeof(int)), 0);
        ck_assert_int_eq(memcmp(T->x, R->x, nnz * sizeof(double)), 0);
        nt_sparse_free(&T);
    }
    cholmod_free_sparse(&R, &cc);
    /* A pattern matrix, which the counting transpose does not take, goes to CHOLMOD. */
    cholmod_sparse *P = cholmod_allocate_sparse(2, 3, 2, 1, 1, 0, CHOLMOD_PATTERN, &cc);
    int pp[4] = {0, 1, 1, 2}, pi[2] = {1, 0};
    memcpy(P->p, pp, sizeof pp);
    memcpy(P->i, pi, sizeof pi);
    cholmod_sparse *PT = nt_sparse_transpose(P, 2);
    ck_assert_int_eq(PT->xtype, CHOLMOD_PATTERN);
    ck_assert_uint_eq(PT->nrow, 3);
    ck_assert_int_eq(((int *)PT->p)[1], 1); /* column 0 of P^T: row 2 (P's entry (0, 2)) */
    ck_assert_int_eq(((int *)PT->i)[0], 2);
    ck_assert_int_eq(((int *)PT->i)[1], 0); /* column 1: row 0 (P's entry (1, 0)) */
    cholmod_free_sparse(&PT, &cc);
    cholmod_free_sparse(&P, &cc);
    cholmod_finish(&cc);
    nt_sparse_free(&A);
}
END_TEST

START_TEST(pattern_symmetric_and_array_files_are_expanded)
{
    cholmod_sparse *A = NULL;
    const char *pattern = nt_test_write_file(NULL, "p.mtx",
                                             "%%MatrixMarket matrix coordinate pattern general\n"
                                             "2 2 2\n1 2\n2 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(pattern, &A, NULL), NT_OK);
    ck_assert_double_eq(entry(A, 0, 1), 1.0);
    ck_assert_double_eq(entry(A, 0, 0), 0.0);
    nt_sparse_free(&A);
    const char *sym = nt_test_write_file(NULL, "s.mtx",
                                         "%%MatrixMarket matrix coordinate real symmetric\n"
                                         "3 3 2\n2 1 7\n3 3 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(sym, &A, NULL), NT_OK);
    ck_assert_int_eq(A->stype, 0);
    ck_assert_double_eq(entry(A, 1, 0), 7.0);
    ck_assert_double_eq(entry(A, 0, 1), 7.0);
    nt_sparse_free(&A);
    const char *array = nt_test_write_file(NULL, "d.mtx",
                                           "%%MatrixMarket matrix array real general\n"
                                           "2 2\n1\n0\n3\n4\n");
    ck_assert_int_eq(nt_sparse_read_mtx(array, &A, NULL), NT_OK);
    ck_assert_double_eq(entry(A, 0, 1), 3.0);
    ck_assert_double_eq(entry(A, 1, 0), 0.0);
    nt_sparse_free(&A);
}
END_TEST

START_TEST(dense_layouts_write_the_same_matrix)
{
    /* 2 x 3 matrix [1 2 3; 4 5 6], once column-major and once row-major. */
    const double colmajor[] = {1, 4, 2, 5, 3, 6}, rowmajor[] = {1, 2, 3, 4, 5, 6};
    nt_dense_layout cm = {2, 3, 1, 2}, rm = {2, 3, 3, 1};
    const char *p1 = nt_test_path(NULL, "cm.mtx"), *p2 = nt_test_path(NULL, "rm.tsv");
    ck_assert_int_eq(nt_dense_write_mtx(p1, colmajor, cm, NULL), NT_OK);
    ck_assert_int_eq(nt_dense_write_tsv(p2, rowmajor, rm, NULL), NT_OK);
    double *X = NULL;
    size_t rows, cols;
    ck_assert_int_eq(nt_dense_read_mtx(p1, &X, &rows, &cols, NULL), NT_OK);
    ck_assert_uint_eq(rows, 2);
    ck_assert_uint_eq(cols, 3);
    for (int i = 0; i < 6; i++)
        ck_assert_double_eq(X[i], colmajor[i]);
    free(X);
    char *text = nt_test_read_file(p2);
    ck_assert_str_eq(text, "1\t2\t3\n4\t5\t6\n");
    free(text);
}
END_TEST

START_TEST(full_precision_survives_a_round_trip)
{
    const double x[] = {0.1, 1.0 / 3.0, 2.5e-300, 12345678.901234567};
    nt_dense_layout L = {4, 1, 1, 4};
    const char *p = nt_test_path(NULL, "prec.mtx");
    ck_assert_int_eq(nt_dense_write_mtx(p, x, L, NULL), NT_OK);
    double *X = NULL;
    size_t rows, cols;
    ck_assert_int_eq(nt_dense_read_mtx(p, &X, &rows, &cols, NULL), NT_OK);
    for (int i = 0; i < 4; i++)
        ck_assert_double_eq(X[i], x[i]);
    free(X);
}
END_TEST

START_TEST(sparse_values_survive_a_round_trip_exactly)
{
    cholmod_sparse *A = nt_sparse_allocate(3, 2, 3), *B = NULL;
    int *Ap = A->p, *Ai = A->i;
    double *Ax = A->x;
    Ap[0] = 0, Ap[1] = 2, Ap[2] = 3;
    Ai[0] = 0, Ai[1] = 2, Ai[2] = 1;
    Ax[0] = 1.0 / 3.0, Ax[1] = 0.1, Ax[2] = 6.02214076e23;
    const char *p = nt_test_path(NULL, "exact.mtx");
    ck_assert_int_eq(nt_sparse_write_mtx(p, A, NULL), NT_OK);
    ck_assert_int_eq(nt_sparse_read_mtx(p, &B, NULL), NT_OK);
    ck_assert_uint_eq(B->nrow, 3);
    ck_assert_uint_eq(B->ncol, 2);
    ck_assert_double_eq(entry(B, 0, 0), 1.0 / 3.0);
    ck_assert_double_eq(entry(B, 2, 0), 0.1);
    ck_assert_double_eq(entry(B, 1, 1), 6.02214076e23);
    ck_assert_double_eq(entry(B, 1, 0), 0.0);
    nt_sparse_free(&A);
    nt_sparse_free(&B);
}
END_TEST

START_TEST(negative_and_nan_values_are_named)
{
    cholmod_sparse *A = NULL;
    nt_error err;
    const char *neg = nt_test_write_file(NULL, "neg.mtx",
                                         "%%MatrixMarket matrix coordinate real general\n"
                                         "2 2 2\n1 1 1\n2 2 -3\n");
    ck_assert_int_eq(nt_sparse_read_mtx(neg, &A, NULL), NT_OK);
    ck_assert_int_eq(nt_sparse_check_values(A, "neg.mtx", &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "neg.mtx: entry (2, 2) is -3"));
    nt_sparse_free(&A);
    const char *nan = nt_test_write_file(NULL, "nan.mtx",
                                         "%%MatrixMarket matrix coordinate real general\n"
                                         "2 2 1\n1 2 nan\n");
    if (nt_sparse_read_mtx(nan, &A, NULL) == NT_OK) { /* CHOLMOD may accept "nan" */
        ck_assert_int_eq(nt_sparse_check_values(A, "nan.mtx", &err), NT_EINVAL);
        ck_assert_ptr_nonnull(strstr(err.message, "entry (1, 2)"));
    }
    nt_sparse_free(&A);
}
END_TEST

/* Malformed files, each with the line the message must name. */
static const struct {
    const char *text;
    const char *message;
} malformed[] = {
    {"%%MatrixMarket matrix coordinat real general\n3 3 1\n1 1 1\n", "bad.mtx:1: unknown format"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 1\n1 1 1\n2 2 1\n", "bad.mtx:4: more entries"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n0 2 1\n", "bad.mtx:4: expected"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1\n4 2 1\n", "bad.mtx:4: expected"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 2\n% note\n1 1 1\n", "ends after 1 of its 2"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 1\n1 1 one\n", "bad.mtx:3: expected"},
    {"%%MatrixMarket matrix coordinate real general\n3 3 1\n1 1 1 9\n", "bad.mtx:3: expected"},
    {"%%MatrixMarket matrix coordinate real general\n3 -3 1\n", "bad.mtx:2: expected the size line"},
    {"%%MatrixMarket matrix coordinate real general\n", "bad.mtx:1: expected the size line"},
    {"%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n1 2 5\n", "bad.mtx:3: entry above"},
    {"%%MatrixMarket matrix coordinate real symmetric\n3 2 0\n", "must be square"},
    {"%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n", "ends after 3 of its 4"},
    {"%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 2\n", "unsupported field"},
    {"%%MatrixMarket vector coordinate real general\n1 1 1\n", "bad.mtx:1: not a Matrix Market"},
};

START_TEST(malformed_files_are_refused_naming_the_line)
{
    cholmod_sparse *A = NULL;
    nt_error err;
    const char *path = nt_test_write_file(NULL, "bad.mtx", malformed[_i].text);
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, &err), NT_EFORMAT);
    ck_assert_ptr_null(A);
    ck_assert_msg(strstr(err.message, malformed[_i].message), "case %d: '%s' lacks '%s'", _i,
                  err.message, malformed[_i].message);
}
END_TEST

START_TEST(a_size_beyond_memory_fails_at_once)
{
    cholmod_sparse *A = NULL;
    nt_error err;
    setenv("NT_MEMORY_LIMIT", "4e9", 1); /* the same outcome on any machine */
    const char *path = nt_test_write_file(NULL, "huge.mtx",
                                          "%%MatrixMarket matrix coordinate real general\n"
                                          "2000000000 2000000000 1\n1 1 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, &err), NT_ENOMEM);
    ck_assert_ptr_nonnull(strstr(err.message, "huge.mtx:2: a 2000000000 x 2000000000 matrix"));
}
END_TEST

START_TEST(missing_and_unparsable_files_are_named)
{
    cholmod_sparse *A = NULL;
    nt_error err;
    ck_assert_int_eq(nt_sparse_read_mtx("/nonexistent/x.mtx", &A, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/x.mtx"));
    const char *bad = nt_test_write_file(NULL, "bad.mtx", "this is not a matrix\n");
    ck_assert_int_eq(nt_sparse_read_mtx(bad, &A, &err), NT_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.message, "bad.mtx"));
    ck_assert_ptr_null(A);
    const char *cplx = nt_test_write_file(NULL, "c.mtx",
                                          "%%MatrixMarket matrix coordinate complex general\n"
                                          "1 1 1\n1 1 1 2\n");
    ck_assert_int_eq(nt_sparse_read_mtx(cplx, &A, &err), NT_EFORMAT);
    ck_assert_ptr_null(A);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("matrix", &tc);
    NT_TEST_ADD(tc.core, coordinate_file_reads_and_round_trips, transpose_swaps_rows_and_columns,
                transpose_equals_cholmod_on_any_thread_count,
                dense_layouts_write_the_same_matrix);
    NT_TEST_ADD(tc.edge, pattern_symmetric_and_array_files_are_expanded,
                full_precision_survives_a_round_trip, sparse_values_survive_a_round_trip_exactly);
    add_decimal_tests(tc.core, tc.edge);
    NT_TEST_ADD(tc.errors, negative_and_nan_values_are_named,
                missing_and_unparsable_files_are_named);
    tcase_add_loop_test(tc.errors, malformed_files_are_refused_naming_the_line, 0,
                        (int)(sizeof malformed / sizeof malformed[0]));
    NT_TEST_ADD(tc.errors, a_size_beyond_memory_fails_at_once);
    return nt_test_main(s);
}
