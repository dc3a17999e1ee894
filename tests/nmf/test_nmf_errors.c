/* test_nmf_errors.c: bad ranks, bad values, bad option combinations: status and message. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_tests.h"
#include "nt_test.h"

START_TEST(rank_out_of_range)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 10, 0.0);
    o.k = 0;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "rank k = 0 is out of range");
    o.k = P.n + 1;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "rank k = 41 is out of range: it must be from 1 to");
}
END_TEST

/* Negative, NaN and infinite entries are named by 1-based row and column. */
START_TEST(bad_values_are_named)
{
    const double bad[3] = {-1.0, NAN, INFINITY};
    const char *needle[3] = {"entry (3, 2) is -1", "entry (3, 2) is nan", "entry (3, 2) is inf"};
    double *d = malloc(P.m * P.n * sizeof *d);
    for (int q = 0; q < 3; q++) {
        memcpy(d, P.a, P.m * P.n * sizeof *d);
        d[1 * P.m + 2] = bad[q];
        cholmod_sparse *s = nt_test_sparse_from_dense(d, P.m, P.n);
        nt_matrix sparse = {P.m, P.n, s, NULL}, dense = {P.m, P.n, NULL, d};
        nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 10, 0.0);
        nt_test_fit_fails(&sparse, &o, NT_EINVAL, needle[q]);
        nt_test_fit_fails(&dense, &o, NT_EINVAL, needle[q]);
        nt_sparse_free(&s);
    }
    free(d);
}
END_TEST

START_TEST(all_zero_matrix_is_empty)
{
    double *zero = calloc(P.m * P.n, sizeof *zero);
    nt_matrix a = {P.m, P.n, NULL, zero};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 10, 0.0);
    nt_test_fit_fails(&a, &o, NT_EEMPTY, "has no nonzero entry");
    free(zero);
}
END_TEST

/* Penalties and the projected-gradient rule belong to the Frobenius algorithms; custom init
 * needs both factors, with valid values. */
START_TEST(option_combinations)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_KL, P.k, 10, 0.0);
    o.l1_w = 0.1;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "not to kl");
    o.l1_w = 0.0;
    o.stop = NT_NMF_STOP_PGRAD;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "not to kl");
    o = nt_test_nmf_options(NT_NMF_HALS, P.k, 10, 0.0);
    o.l2_h = -1.0;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "must be finite and >= 0");
    o = nt_test_nmf_options(NT_NMF_HALS, P.k, 10, 0.0);
    o.init = NT_NMF_INIT_CUSTOM;
    o.init_w = P.w0;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "custom init needs both W and H");
    double *h = nt_test_copy(P.h0, P.k * P.n);
    h[2 * P.n + 6] = -3.0;
    o.init_h = h;
    nt_test_fit_fails(&a, &o, NT_EINVAL, "H has -3 at topic 3, column 7");
    o = nt_test_nmf_options(99, P.k, 10, 0.0);
    nt_test_fit_fails(&a, &o, NT_EINVAL, "algorithm (out of range)");
    free(h);
}
END_TEST

/* The size-free check refuses the same clashes before any size is known, takes a custom
 * init without its factors (they come with the input), and leaves k to the full check. */
START_TEST(settings_checked_without_sizes)
{
    nt_error err;
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_KL, 0, 10, 0.0);
    ck_assert_int_eq(nt_nmf_options_check_settings(&o, &err), NT_OK);
    o.l1_h = 0.5;
    ck_assert_int_eq(nt_nmf_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "not to kl");
    o = nt_test_nmf_options(NT_NMF_MU, 0, 10, 0.0);
    o.missing = NT_NMF_MISSING_ABSENT;
    ck_assert_int_eq(nt_nmf_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "missing absent needs algorithm hals");
    o = nt_test_nmf_options(NT_NMF_SNMF_R, 0, 10, 0.0);
    o.init = NT_NMF_INIT_CUSTOM;
    o.snmf_eta = -1.0; /* max(A) */
    ck_assert_int_eq(nt_nmf_options_check_settings(&o, &err), NT_OK);
    o.snmf_eta = -0.5;
    ck_assert_int_eq(nt_nmf_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "eta >= 0 or -1");
}
END_TEST

/* Factors the memory budget cannot hold are refused before any allocation: here 1000 x 1000
 * at k = 50 needs (3 * 2000 + 1000) * 50 doubles = 2.8 MB against a 1 MB budget. */
START_TEST(size_beyond_memory_budget)
{
    nt_error err;
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, 50, 10, 0.0);
    setenv("NT_MEMORY_LIMIT", "1e6", 1);
    ck_assert_int_eq(nt_nmf_options_check(&o, 1000, 1000, &err), NT_ENOMEM);
    NT_TEST_ASSERT_CONTAINS(err.message, "needs about 0.0028 GB");
    setenv("NT_MEMORY_LIMIT", "3e6", 1);
    ck_assert_int_eq(nt_nmf_options_check(&o, 1000, 1000, &err), NT_OK);
    unsetenv("NT_MEMORY_LIMIT");
}
END_TEST

START_TEST(project_rejects_bad_h)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1, 0.0);
    double *h = nt_test_copy(P.h0, P.k * P.n), *w = malloc(P.m * P.k * sizeof *w);
    h[P.n + 1] = NAN;
    nt_error err;
    ck_assert_int_eq(nt_nmf_project(&a, h, &o, w, &err), NT_EINVAL);
    ck_assert_str_eq(err.message, "project: H has nan at topic 2, term 2; it must be finite and "
                                  "non-negative");
    free(h);
    free(w);
}
END_TEST

void nmf_add_error_tests(TCase *tc)
{
    NT_TEST_ADD(tc, rank_out_of_range, bad_values_are_named, all_zero_matrix_is_empty,
                option_combinations, settings_checked_without_sizes, size_beyond_memory_budget,
                project_rejects_bad_h);
}
