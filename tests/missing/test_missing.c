/* test_missing.c: the missing suite: fits with unknown entries recover what was hidden, never
 * increase the masked loss, and report figures over the observed entries only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "missing_tests.h"
#include "nt_test.h"

/* A planted rank-4 product (60 x 40, factors without zeros, so every entry is positive),
 * with 20% of its entries held out. */
static nt_test_planted P;
static entries held;

static void setup(void)
{
    nt_test_planted_make(&P, 60, 40, 4, 0.0, 11);
    entries_sample(&held, P.m, P.n, 0.2, 5);
}

static void teardown(void)
{
    nt_test_planted_free(&P);
    entries_free(&held);
}

/* Held-out entries, whatever A holds there, are predicted from the rest to within 1e-4 of
 * the largest held-out value, and the fit of the observed ones is exact to 1e-6. */
START_TEST(holdout_entries_are_recovered)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, P.k, 5000, 1e-14);
    o.holdout = &held.list;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_double_le(worst_prediction(r, P.a, &held), 1e-4);
    ck_assert_double_le(r->rel_error, 1e-6);
    nt_nmf_result_free(r);
}
END_TEST

/* missing = absent: a ratings-like matrix storing half of the entries of the planted
 * product; the unstored half is completed to within 1e-4 of the largest value. */
START_TEST(absent_entries_are_completed)
{
    entries unstored;
    entries_sample(&unstored, P.m, P.n, 0.5, 9);
    unsigned char *hidden = mask_of(&unstored, P.m, P.n);
    double *known = malloc(P.m * P.n * sizeof *known);
    for (size_t q = 0; q < P.m * P.n; q++)
        known[q] = hidden[q] ? 0.0 : P.a[q];
    cholmod_sparse *s = nt_test_sparse_from_dense(known, P.m, P.n);
    nt_matrix a = {P.m, P.n, s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, P.k, 5000, 1e-14);
    o.missing = NT_NMF_MISSING_ABSENT;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_double_le(worst_prediction(r, P.a, &unstored), 1e-4);
    nt_nmf_result_free(r);
    nt_sparse_free(&s);
    free(known);
    free(hidden);
    entries_free(&unstored);
}
END_TEST

/* The masked objective (with L1 and L2 penalties too) never increases, for weighted HALS
 * (missing absent) and for EM around hals and mu (missing zero), beyond round-off of 1e-12
 * of ||A||^2; the last trace value is the result's. */
START_TEST(masked_objective_never_increases)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    double norm2 = nt_test_sum_squares(P.a, P.m * P.n);
    const int missing[3] = {NT_NMF_MISSING_ABSENT, NT_NMF_MISSING_ZERO, NT_NMF_MISSING_ZERO};
    const int algorithm[3] = {NT_NMF_HALS, NT_NMF_HALS, NT_NMF_MU};
    for (int form = 0; form < 6; form++) {
        nt_nmf_options o = missing_options(NT_NMF_HALS, 3, 200, 0.0);
        o.record_trace = 1;
        o.holdout = &held.list;
        o.missing = missing[form / 2];
        o.algorithm = algorithm[form / 2];
        o.l1_h = form & 1 ? 0.05 : 0.0;
        o.l2_w = form & 1 ? 0.1 : 0.0;
        nt_nmf_result *r = nt_test_fit(&a, &o);
        ck_assert_int_eq(r->iterations, 200);
        char label[16];
        snprintf(label, sizeof label, "form %d", form);
        nt_test_assert_descent(r, 1e-12 * norm2, label);
        nt_nmf_result_free(r);
    }
}
END_TEST

/* rel_error and objective are taken over the observed entries: they match a dense
 * recomputation from the returned factors to 1e-9 (k = 3 < 4, so the error is not 0). */
START_TEST(figures_count_observed_entries_only)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, 3, 100, 0.0);
    o.holdout = &held.list;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double norm2;
    unsigned char *observed = observed_of(&held, P.a, P.m, P.n, &norm2);
    double e = masked_rel_error(P.a, observed, P.m, P.n, r->w, r->h, 3);
    ck_assert_double_gt(e, 1e-3);
    ck_assert_double_eq_tol(r->rel_error, e, 1e-9);
    ck_assert_double_eq_tol(r->objective, 0.5 * e * e * norm2, 1e-9 * norm2);
    nt_nmf_result_free(r);
    free(observed);
}
END_TEST

/* Changing A only at held-out entries (to zero, or to 10) leaves the fit unchanged to 1e-9:
 * the held-out values never enter it, though the full products A H^T include them. */
START_TEST(heldout_values_do_not_enter_the_fit)
{
    nt_nmf_options o = missing_options(NT_NMF_HALS, P.k, 60, 0.0);
    o.holdout = &held.list;
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_result *r0 = nt_test_fit(&a, &o);
    double *changed = malloc(P.m * P.n * sizeof *changed);
    for (int v = 0; v < 2; v++) {
        memcpy(changed, P.a, P.m * P.n * sizeof *changed);
        for (size_t q = 0; q < held.list.count; q++)
            changed[held.col[q] * P.m + held.row[q]] = v ? 10.0 : 0.0;
        cholmod_sparse *s = nt_test_sparse_from_dense(changed, P.m, P.n);
        nt_matrix b = {P.m, P.n, s, NULL};
        nt_nmf_result *r1 = nt_test_fit(&b, &o);
        assert_same_factors(r1, r0, 1e-9);
        nt_nmf_result_free(r1);
        nt_sparse_free(&s);
    }
    free(changed);
    nt_nmf_result_free(r0);
}
END_TEST

/* KKT of the masked problem at a rank-deficient fit (k = 3): min(W, grad_W) = 0 and
 * min(H, grad_H) = 0 elementwise within 1e-6 of ||P(A)||_F, the gradients recomputed densely
 * over the observed entries. */
START_TEST(kkt_of_masked_problem_at_convergence)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = missing_options(NT_NMF_HALS, 3, 20000, 1e-15);
    o.holdout = &held.list;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double norm2;
    unsigned char *observed = observed_of(&held, P.a, P.m, P.n, &norm2);
    double *gw = malloc(P.m * 3 * sizeof *gw), *gh = malloc(3 * P.n * sizeof *gh);
    masked_gradients(P.a, observed, P.m, P.n, r->w, r->h, 3, gw, gh);
    nt_test_assert_complementary(r->w, gw, P.m * 3, 0.0, 1e-6 * sqrt(norm2));
    nt_test_assert_complementary(r->h, gh, 3 * P.n, 0.0, 1e-6 * sqrt(norm2));
    free(gw);
    free(gh);
    free(observed);
    nt_nmf_result_free(r);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("missing", &tc);
    tcase_add_checked_fixture(tc.core, setup, teardown);
    NT_TEST_ADD(tc.core, holdout_entries_are_recovered, absent_entries_are_completed,
                masked_objective_never_increases, figures_count_observed_entries_only,
                heldout_values_do_not_enter_the_fit, kkt_of_masked_problem_at_convergence);
    missing_add_edge_tests(tc.edge);
    missing_add_error_tests(tc.errors);
    return nt_test_main(s);
}
