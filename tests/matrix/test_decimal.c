/* test_decimal.c: the matrix writers' number formatting against printf, its reference:
 * the text must be exactly what printf("%.17g") or printf("%llu") writes. */
#include <check.h>
#include <locale.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matrix/decimal.h"
#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "test_matrix.h"

/* xorshift64, fixed seed: the same values on every run. */
static uint64_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

/* Fails the test, naming the value, when our text differs from printf's. */
static void check_g17(double v)
{
    char ours[NT_DECIMAL_MAX + 1], theirs[64];
    *nt_decimal_g17(ours, v) = '\0';
    snprintf(theirs, sizeof theirs, "%.17g", v);
    ck_assert_msg(strcmp(ours, theirs) == 0, "%a: wrote '%s', printf writes '%s'", v, ours,
                  theirs);
}

START_TEST(weights_are_written_as_printf_writes_them)
{
    uint64_t state = 88172645463325252u;
    /* Log-uniform over 1e-9..1e18: both sides of the fast range and every %g layout. */
    for (int i = 0; i < 400000; i++) {
        double u = (double)(next_random(&state) >> 11) / 9007199254740992.0;
        double v = pow(10.0, -9.0 + 27.0 * u);
        check_g17(v);
        check_g17(-v);
    }
    /* Any bit pattern: subnormals, huge numbers, infinities, NaNs take the slow path. */
    for (int i = 0; i < 100000; i++) {
        uint64_t bits = next_random(&state);
        double v;
        memcpy(&v, &bits, sizeof v);
        check_g17(v);
    }
}
END_TEST

START_TEST(rounding_edges_match_printf)
{
    /* Around every power of ten, where the exponent and the layout change, and where
     * rounding 9.999... carries into a new digit. */
    for (int k = -12; k <= 18; k++) {
        double below = pow(10.0, k), above = below;
        for (int step = 0; step < 40; step++) {
            check_g17(below);
            check_g17(above);
            below = nextafter(below, 0.0);
            above = nextafter(above, INFINITY);
        }
    }
    /* Exact ties at the 17th digit, rounded half to even: 2^50 + 1/4 and 2^50 + 3/4 have
     * 16 digits before the point and a 5 right after the one digit kept. */
    check_g17(1125899906842624.25);
    check_g17(1125899906842624.75);
    check_g17(0.1);
    check_g17(1.0);
    check_g17(0.0);
    check_g17(-0.0);
    check_g17(1e-5);
    check_g17(9.99999999999999999e-5);
    check_g17(9007199254740991.0);
    check_g17(9007199254740992.0);
}
END_TEST

START_TEST(integers_are_written_in_full)
{
    const uint64_t values[] = {0, 1, 9, 10, 99, 100, 12345, 4294967296u, UINT64_MAX};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char ours[NT_DECIMAL_MAX + 1], theirs[32];
        *nt_decimal_uint(ours, values[i]) = '\0';
        snprintf(theirs, sizeof theirs, "%llu", (unsigned long long)values[i]);
        ck_assert_str_eq(ours, theirs);
    }
}
END_TEST

START_TEST(sparse_file_is_what_fprintf_writes)
{
    /* Column 0 spans more than two of the writer's blocks of 16384 lines, column 1 is empty,
     * so blocks start inside columns, and the threads take several rounds. */
    const int m = 100000, counts[3] = {70000, 0, 40000};
    cholmod_sparse *A = nt_sparse_allocate((size_t)m, 3, 110000);
    int *Ap = A->p, *Ai = A->i;
    double *Ax = A->x;
    uint64_t state = 12345u;
    Ap[0] = 0;
    for (int j = 0; j < 3; j++) {
        Ap[j + 1] = Ap[j] + counts[j];
        for (int p = Ap[j]; p < Ap[j + 1]; p++) {
            Ai[p] = (p - Ap[j]) * (m / (counts[j] + 1));
            Ax[p] = (double)(next_random(&state) >> 11) / 9007199254740992.0 * (j + 1);
        }
    }
    const char *path = nt_test_path(NULL, "printf.mtx");
    const char *expected_path = nt_test_path(NULL, "printf.expected");
    FILE *fp = fopen(expected_path, "w");
    fprintf(fp, "%%%%MatrixMarket matrix coordinate real general\n%d 3 %d\n", m, Ap[3]);
    for (int j = 0; j < 3; j++)
        for (int p = Ap[j]; p < Ap[j + 1]; p++)
            fprintf(fp, "%d %d %.17g\n", Ai[p] + 1, j + 1, Ax[p]);
    fclose(fp);
    char *expected = nt_test_read_file(expected_path);
    int threads_before = omp_get_max_threads();
    for (int threads = 1; threads <= 3; threads++) {  /* the file must not depend on them */
        omp_set_num_threads(threads);
        ck_assert_int_eq(nt_sparse_write_mtx(path, A, NULL), NT_OK);
        char *text = nt_test_read_file(path);
        ck_assert_msg(strcmp(text, expected) == 0, "%d threads: not what fprintf writes", threads);
        free(text);
    }
    omp_set_num_threads(threads_before);
    free(expected);
    nt_sparse_free(&A);
}
END_TEST

#ifdef NT_TEST_COMMA_LOCALE
static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The writers' files under a comma-decimal LC_NUMERIC are those of the C locale: the values
 * printf formats for nt_decimal_g17 (below 1e-6, above 2^53, subnormal) and every value of
 * the dense writers; and the reader reads them back exactly under it. */
START_TEST(comma_locale_does_not_reach_the_files)
{
    static const double x[6] = {1e-300, 2.5e-7, 1e20, 4.9e-324, 0.1, 1.0 / 3.0};
    nt_dense_layout layout = {2, 3, 3, 1};
    const char *c_tsv = nt_test_path(NULL, "c.tsv"), *c_mtx = nt_test_path(NULL, "c.mtx");
    const char *tsv = nt_test_path(NULL, "comma.tsv"), *mtx = nt_test_path(NULL, "comma.mtx");
    char c_text[6][NT_DECIMAL_MAX + 1], text[6][NT_DECIMAL_MAX + 1];
    ck_assert_int_eq(nt_dense_write_tsv(c_tsv, x, layout, NULL), NT_OK);
    ck_assert_int_eq(nt_dense_write_mtx(c_mtx, x, layout, NULL), NT_OK);
    for (int q = 0; q < 6; q++)
        *nt_decimal_g17(c_text[q], x[q]) = '\0';
    nt_test_comma_locale(NT_TEST_LOCPATH, NT_TEST_COMMA_LOCALE);
    for (int q = 0; q < 6; q++)
        *nt_decimal_g17(text[q], x[q]) = '\0';
    int tsv_status = nt_dense_write_tsv(tsv, x, layout, NULL);
    int mtx_status = nt_dense_write_mtx(mtx, x, layout, NULL);
    cholmod_sparse *A = NULL;
    int read_status = nt_sparse_read_mtx(c_mtx, &A, NULL);
    setlocale(LC_NUMERIC, "C");
    ck_assert_int_eq(read_status, NT_OK);
    ck_assert_int_eq(((const int *)A->p)[A->ncol], 6);
    double read[6], sorted[6];
    memcpy(read, A->x, sizeof read);
    memcpy(sorted, x, sizeof sorted);
    qsort(read, 6, sizeof *read, by_value);
    qsort(sorted, 6, sizeof *sorted, by_value);
    for (int q = 0; q < 6; q++)
        ck_assert_msg(read[q] == sorted[q], "read %a, wrote %a", read[q], sorted[q]);
    nt_sparse_free(&A);
    ck_assert_int_eq(tsv_status, NT_OK);
    ck_assert_int_eq(mtx_status, NT_OK);
    for (int q = 0; q < 6; q++)
        ck_assert_str_eq(text[q], c_text[q]);
    const char *pairs[2][2] = {{tsv, c_tsv}, {mtx, c_mtx}};
    for (int f = 0; f < 2; f++) {
        char *got = nt_test_read_file(pairs[f][0]), *want = nt_test_read_file(pairs[f][1]);
        ck_assert_str_eq(got, want);
        ck_assert_ptr_nonnull(strstr(want, "4.9406564584124654e-324"));
        free(got);
        free(want);
    }
}
END_TEST
#endif

void add_decimal_tests(TCase *core, TCase *edge)
{
    NT_TEST_ADD(core, weights_are_written_as_printf_writes_them, integers_are_written_in_full,
                sparse_file_is_what_fprintf_writes);
    NT_TEST_ADD(edge, rounding_edges_match_printf);
#ifdef NT_TEST_COMMA_LOCALE
    NT_TEST_ADD(edge, comma_locale_does_not_reach_the_files);
#endif
}
