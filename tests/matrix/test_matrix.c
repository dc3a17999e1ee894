/* test_matrix.c: Matrix Market round trips through CHOLMOD, value checks, dense layouts. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nmftopics/matrix.h"
#include "test_matrix.h"

static char dir[] = "/tmp/nt_test_matrix_XXXXXX";
static char path_buf[512];

static const char *write_file(const char *name, const char *text)
{
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    FILE *fp = fopen(path_buf, "w");
    fputs(text, fp);
    fclose(fp);
    return path_buf;
}

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
    const char *path = write_file("a.mtx", "%%MatrixMarket matrix coordinate real general\n"
                                           "% a comment\n3 4 4\n1 1 1.5\n3 2 2\n2 4 0.25\n3 2 1\n");
    cholmod_sparse *A = NULL, *B = NULL;
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, NULL), NT_OK);
    ck_assert_uint_eq(A->nrow, 3);
    ck_assert_uint_eq(A->ncol, 4);
    ck_assert_double_eq(entry(A, 0, 0), 1.5);
    ck_assert_double_eq(entry(A, 2, 1), 3.0); /* duplicates summed */
    ck_assert_double_eq(entry(A, 1, 3), 0.25);
    char out[512];
    snprintf(out, sizeof out, "%s/b.mtx", dir);
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
    const char *path = write_file("t.mtx", "%%MatrixMarket matrix coordinate real general\n"
                                           "2 3 2\n1 3 4\n2 1 5\n");
    cholmod_sparse *A = NULL;
    ck_assert_int_eq(nt_sparse_read_mtx(path, &A, NULL), NT_OK);
    cholmod_sparse *T = nt_sparse_transpose(A);
    ck_assert_uint_eq(T->nrow, 3);
    ck_assert_uint_eq(T->ncol, 2);
    ck_assert_double_eq(entry(T, 2, 0), 4.0);
    ck_assert_double_eq(entry(T, 0, 1), 5.0);
    nt_sparse_free(&A);
    nt_sparse_free(&T);
}
END_TEST

START_TEST(pattern_symmetric_and_array_files_are_expanded)
{
    cholmod_sparse *A = NULL;
    const char *pattern = write_file("p.mtx", "%%MatrixMarket matrix coordinate pattern general\n"
                                              "2 2 2\n1 2\n2 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(pattern, &A, NULL), NT_OK);
    ck_assert_double_eq(entry(A, 0, 1), 1.0);
    ck_assert_double_eq(entry(A, 0, 0), 0.0);
    nt_sparse_free(&A);
    const char *sym = write_file("s.mtx", "%%MatrixMarket matrix coordinate real symmetric\n"
                                          "3 3 2\n2 1 7\n3 3 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(sym, &A, NULL), NT_OK);
    ck_assert_int_eq(A->stype, 0);
    ck_assert_double_eq(entry(A, 1, 0), 7.0);
    ck_assert_double_eq(entry(A, 0, 1), 7.0);
    nt_sparse_free(&A);
    const char *array = write_file("d.mtx", "%%MatrixMarket matrix array real general\n"
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
    char p1[512], p2[512];
    snprintf(p1, sizeof p1, "%s/cm.mtx", dir);
    snprintf(p2, sizeof p2, "%s/rm.tsv", dir);
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
    FILE *fp = fopen(p2, "r");
    char text[64] = "";
    size_t got = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[got] = '\0';
    ck_assert_str_eq(text, "1\t2\t3\n4\t5\t6\n");
}
END_TEST

START_TEST(full_precision_survives_a_round_trip)
{
    const double x[] = {0.1, 1.0 / 3.0, 2.5e-300, 12345678.901234567};
    nt_dense_layout L = {4, 1, 1, 4};
    char p[512];
    snprintf(p, sizeof p, "%s/prec.mtx", dir);
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
    char p[512];
    snprintf(p, sizeof p, "%s/exact.mtx", dir);
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
    const char *neg = write_file("neg.mtx", "%%MatrixMarket matrix coordinate real general\n"
                                            "2 2 2\n1 1 1\n2 2 -3\n");
    ck_assert_int_eq(nt_sparse_read_mtx(neg, &A, NULL), NT_OK);
    ck_assert_int_eq(nt_sparse_check_values(A, "neg.mtx", &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "neg.mtx: entry (2, 2) is -3"));
    nt_sparse_free(&A);
    const char *nan = write_file("nan.mtx", "%%MatrixMarket matrix coordinate real general\n"
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
    write_file("bad.mtx", malformed[_i].text);
    ck_assert_int_eq(nt_sparse_read_mtx(path_buf, &A, &err), NT_EFORMAT);
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
    write_file("huge.mtx", "%%MatrixMarket matrix coordinate real general\n2000000000 2000000000 1\n1 1 1\n");
    ck_assert_int_eq(nt_sparse_read_mtx(path_buf, &A, &err), NT_ENOMEM);
    ck_assert_ptr_nonnull(strstr(err.message, "huge.mtx:2: 2000000000 columns"));
}
END_TEST

START_TEST(missing_and_unparsable_files_are_named)
{
    cholmod_sparse *A = NULL;
    nt_error err;
    ck_assert_int_eq(nt_sparse_read_mtx("/nonexistent/x.mtx", &A, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/x.mtx"));
    const char *bad = write_file("bad.mtx", "this is not a matrix\n");
    ck_assert_int_eq(nt_sparse_read_mtx(bad, &A, &err), NT_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.message, "bad.mtx"));
    ck_assert_ptr_null(A);
    const char *cplx = write_file("c.mtx", "%%MatrixMarket matrix coordinate complex general\n"
                                           "1 1 1\n1 1 1 2\n");
    ck_assert_int_eq(nt_sparse_read_mtx(cplx, &A, &err), NT_EFORMAT);
    ck_assert_ptr_null(A);
}
END_TEST

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    Suite *s = suite_create("matrix");
    TCase *core = tcase_create("core");
    tcase_add_test(core, coordinate_file_reads_and_round_trips);
    tcase_add_test(core, transpose_swaps_rows_and_columns);
    tcase_add_test(core, dense_layouts_write_the_same_matrix);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, pattern_symmetric_and_array_files_are_expanded);
    tcase_add_test(edge, full_precision_survives_a_round_trip);
    tcase_add_test(edge, sparse_values_survive_a_round_trip_exactly);
    add_decimal_tests(core, edge);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, negative_and_nan_values_are_named);
    tcase_add_test(errors, missing_and_unparsable_files_are_named);
    tcase_add_loop_test(errors, malformed_files_are_refused_naming_the_line, 0,
                        (int)(sizeof malformed / sizeof malformed[0]));
    tcase_add_test(errors, a_size_beyond_memory_fails_at_once);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
