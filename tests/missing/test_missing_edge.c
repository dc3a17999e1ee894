/* test_missing_edge.c: edge cases (dense input, empty rows, duplicates, threads) and errors
 * of fits with unknown entries. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "missing_tests.h"
#include "nt_test.h"

/* 30 x 20, rank 3, factors 30% zeros, 15% of the entries held out. */
static nt_test_planted Q;
static entries held;

static void setup(void)
{
    nt_test_planted_make(&Q, 30, 20, 3, 0.3, 3);
    entries_sample(&held, Q.m, Q.n, 0.15, 4);
}

static void teardown(void)
{
    nt_test_planted_free(&Q);
    entries_free(&held);
}

/* A dense A and its sparse copy give the same masked fits (exactly: the dense one is
 * copied into sparse form), for both missing modes. */
START_TEST(dense_and_sparse_input_agree)
{
    nt_matrix sparse = {Q.m, Q.n, Q.s, NULL}, dense = {Q.m, Q.n, NULL, Q.a};
    for (int mode = 0; mode < 2; mode++) {
        nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 50, 0.0);
        o.holdout = &held.list;
        o.missing = mode ? NT_NMF_MISSING_ABSENT : NT_NMF_MISSING_ZERO;
        nt_nmf_result *rs = nt_test_fit(&sparse, &o), *rd = nt_test_fit(&dense, &o);
        assert_same_factors(rs, rd, 0.0);
        nt_nmf_result_free(rs);
        nt_nmf_result_free(rd);
    }
}
END_TEST

/* A row all of whose entries are held out gets a zero row of W; with missing absent, a
 * column without nonzeros gets a zero column of H. */
START_TEST(unobserved_rows_and_columns_get_zero_factors)
{
    size_t rows[20], cols[20];
    for (size_t j = 0; j < Q.n; j++)
        rows[j] = 4, cols[j] = j;
    nt_nmf_entry_list row4 = {Q.n, rows, cols};
    double *a = nt_test_copy(Q.a, Q.m * Q.n);
    for (size_t i = 0; i < Q.m; i++)
        a[7 * Q.m + i] = 0.0;
    cholmod_sparse *s = nt_test_sparse_from_dense(a, Q.m, Q.n);
    nt_matrix in = {Q.m, Q.n, s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 30, 0.0);
    o.holdout = &row4;
    o.missing = NT_NMF_MISSING_ABSENT;
    nt_nmf_result *r = nt_test_fit(&in, &o);
    for (size_t t = 0; t < Q.k; t++) {
        ck_assert_double_eq(r->w[t * Q.m + 4], 0.0);
        ck_assert_double_eq(r->h[t * Q.n + 7], 0.0);
    }
    nt_nmf_result_free(r);
    nt_sparse_free(&s);
    free(a);
}
END_TEST

/* Listing every held-out entry twice changes nothing; an empty list is a plain fit. */
START_TEST(duplicates_count_once_and_empty_list_is_plain)
{
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    size_t c = held.list.count;
    size_t *rows = malloc(2 * c * sizeof *rows), *cols = malloc(2 * c * sizeof *cols);
    for (size_t q = 0; q < c; q++) {  /* every entry twice: reversed, then in order */
        rows[q] = held.row[c - 1 - q], cols[q] = held.col[c - 1 - q];
        rows[c + q] = held.row[q], cols[c + q] = held.col[q];
    }
    nt_nmf_entry_list twice = {2 * c, rows, cols}, none = {0, NULL, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 40, 0.0);
    o.holdout = &held.list;
    nt_nmf_result *r1 = nt_test_fit(&a, &o);
    o.holdout = &twice;
    nt_nmf_result *r2 = nt_test_fit(&a, &o);
    assert_same_factors(r1, r2, 0.0);
    o.holdout = &none;
    nt_nmf_result *r3 = nt_test_fit(&a, &o);
    o.holdout = NULL;
    nt_nmf_result *r4 = nt_test_fit(&a, &o);
    assert_same_factors(r3, r4, 0.0);
    nt_nmf_result_free(r1);
    nt_nmf_result_free(r2);
    nt_nmf_result_free(r3);
    nt_nmf_result_free(r4);
    free(rows);
    free(cols);
}
END_TEST

/* Same threads: bit-identical; 1 and 2 threads: equal within 1e-12. */
START_TEST(fits_are_deterministic)
{
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 40, 0.0);
    o.holdout = &held.list;
    o.threads = 2;
    nt_nmf_result *r1 = nt_test_fit(&a, &o), *r2 = nt_test_fit(&a, &o);
    assert_same_factors(r1, r2, 0.0);
    ck_assert_double_eq(r1->objective, r2->objective);
    o.threads = 1;
    nt_nmf_result *r3 = nt_test_fit(&a, &o);
    assert_same_factors(r1, r3, 1e-12);
    nt_nmf_result_free(r1);
    nt_nmf_result_free(r2);
    nt_nmf_result_free(r3);
}
END_TEST

/* nt_nmf_predict gives (W H)_ij, checked against a sum written out here. */
START_TEST(predict_gives_product_entries)
{
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 20, 0.0);
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double *out = malloc(held.list.count * sizeof *out);
    ck_assert_int_eq(nt_nmf_predict(r, &held.list, out, NULL), NT_OK);
    for (size_t q = 0; q < held.list.count; q++) {
        double s = 0.0;
        for (size_t t = 0; t < Q.k; t++)
            s += r->w[t * Q.m + held.row[q]] * r->h[t * Q.n + held.col[q]];
        ck_assert_double_eq_tol(out[q], s, 1e-15);
    }
    free(out);
    nt_nmf_result_free(r);
}
END_TEST

void missing_add_edge_tests(TCase *tc)
{
    tcase_add_checked_fixture(tc, setup, teardown);
    NT_TEST_ADD(tc, dense_and_sparse_input_agree, unobserved_rows_and_columns_get_zero_factors,
                duplicates_count_once_and_empty_list_is_plain, fits_are_deterministic,
                predict_gives_product_entries);
}

/* Algorithms other than hals, the pgrad stop, SVD starts with a hold-out and unknown modes
 * are refused by name. */
START_TEST(unsupported_options_are_refused)
{
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 10, 0.0);
    o.missing = NT_NMF_MISSING_ABSENT;
    const int algs[3] = {NT_NMF_MU, NT_NMF_KL, NT_NMF_ANLS_BPP};
    const char *names[3] = {"absent needs algorithm hals, not mu", "not kl", "not anls-bpp"};
    for (int q = 0; q < 3; q++) {
        o.algorithm = algs[q];
        nt_test_fit_fails(&a, &o, NT_EINVAL, names[q]);
    }
    o.algorithm = NT_NMF_HALS;
    o.stop = NT_NMF_STOP_PGRAD;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "projected-gradient stop does not apply");
    o.stop = NT_NMF_STOP_OBJECTIVE;
    o.holdout = &held.list;
    o.init = NT_NMF_INIT_NNDSVDA;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "held-out entries need init random or custom: nndsvda");
    o.init = NT_NMF_INIT_RANDOM;
    o.missing = 7;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "missing-value mode 7 is unknown");
}
END_TEST

/* Entries outside the matrix are named (0-based) by the fit and by predict. */
START_TEST(entries_outside_the_matrix_are_named)
{
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    size_t rows[2] = {1, 30}, cols[2] = {2, 5};
    nt_nmf_entry_list bad = {2, rows, cols}, no_arrays = {3, NULL, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 10, 0.0);
    o.holdout = &bad;
    nt_test_fit_fails(&a, &o, NT_EINVAL,
                      "hold-out entry 2 is (30, 5) (0-based), outside the 30 x 20");
    o.holdout = &no_arrays;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "has 3 entries but no row or column array");
    o.holdout = NULL;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double out[2];
    nt_error err;
    ck_assert_int_eq(nt_nmf_predict(r, &bad, out, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "entry 2 is (30, 5) (0-based), outside"));
    nt_nmf_result_free(r);
}
END_TEST

/* Holding out every nonzero leaves nothing to fit: NT_EEMPTY in both modes. */
START_TEST(nothing_observed_is_empty)
{
    entries all;
    entries_sample(&all, Q.m, Q.n, 1.0, 1);
    nt_matrix a = {Q.m, Q.n, Q.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, Q.k, 10, 0.0);
    o.holdout = &all.list;
    nt_test_fit_fails(&a, &o, NT_EEMPTY, "no nonzero entry of A (30 x 20) is observed");
    o.missing = NT_NMF_MISSING_ABSENT;
    nt_test_fit_fails(&a, &o, NT_EEMPTY, "no nonzero entry of A (30 x 20) is observed");
    entries_free(&all);
}
END_TEST

void missing_add_error_tests(TCase *tc)
{
    tcase_add_checked_fixture(tc, setup, teardown);
    NT_TEST_ADD(tc, unsupported_options_are_refused, entries_outside_the_matrix_are_named,
                nothing_observed_is_empty);
}
