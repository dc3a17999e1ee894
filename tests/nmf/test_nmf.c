/* test_nmf.c: the nmf suite: fixtures, and recovery, monotonicity and optimality of the fits. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_tests.h"
#include "nmftopics/nmf.h"
#include "nt_test.h"
#include "nt_test_nmf.h"

nt_test_planted P;

static void setup(void)
{
    nt_test_planted_make(&P, 60, 40, 4, 0.3, 7);
}

static void teardown(void)
{
    nt_test_planted_free(&P);
}

/* hals reaches relative error < 1e-6 on noiseless planted data; the result's own figure
 * agrees with a dense recomputation from the returned (normalised) factors. */
START_TEST(hals_recovers_planted_product)
{
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 2000, 1e-12);
    nt_test_assert_recovers(&P, &o);
}
END_TEST

/* Multiplicative updates converge slowly; the documented accuracy after 2000 iterations on
 * this planted product is relative error < 1e-2 (mu) and < 1e-3 (kl). */
START_TEST(mu_and_kl_approach_planted_product)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    const int algs[2] = {NT_NMF_MU, NT_NMF_KL};
    const double bound[2] = {1e-2, 1e-3};
    for (int q = 0; q < 2; q++) {
        nt_nmf_options o = nt_test_nmf_options(algs[q], P.k, 2000, 0.0);
        nt_nmf_result *r = nt_test_fit(&a, &o);
        ck_assert_double_lt(nt_test_rel_error(P.a, P.m, P.n, r->w, r->h, P.k), bound[q]);
        nt_nmf_result_free(r);
    }
}
END_TEST

/* The objective never increases for hals, mu and kl, beyond round-off of the closed-form
 * objective (1e-12 of ||A||^2 for Frobenius, 1e-12 of sum(A) for KL). */
START_TEST(objective_never_increases)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    double norm2 = 0.0, sum = 0.0;
    for (size_t q = 0; q < P.m * P.n; q++) {
        norm2 += P.a[q] * P.a[q];
        sum += P.a[q];
    }
    const int algs[3] = {NT_NMF_HALS, NT_NMF_MU, NT_NMF_KL};
    for (int q = 0; q < 3; q++) {
        nt_nmf_options o = nt_test_nmf_options(algs[q], P.k, 300, 0.0);
        o.record_trace = 1;
        nt_nmf_result *r = nt_test_fit(&a, &o);
        double slack = 1e-12 * (algs[q] == NT_NMF_KL ? sum : norm2);
        ck_assert_int_ge(r->iterations, 10);
        nt_test_assert_descent(r, slack, nt_nmf_algorithm_name(algs[q]));
        nt_nmf_result_free(r);
    }
}
END_TEST

/* KKT at a hals solution of a rank-deficient fit (k = 3 < planted 4, so the gradient does not
 * vanish): W >= 0, grad >= 0 and min(W, grad) = 0 elementwise, likewise for H, within 1e-6
 * of the gradient scale ||A||_F. The gradient is recomputed densely from the result. */
START_TEST(kkt_complementarity_at_convergence)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 5000, 1e-15);
    o.k = 3;
    o.stop = NT_NMF_STOP_PGRAD;
    o.tol = 1e-10;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    /* H is normalised, W scaled up: the H gradient scales the other way, still bounded. */
    nt_test_assert_kkt(P.a, r, 0.0, 1e-6 * sqrt(nt_test_sum_squares(P.a, P.m * P.n)));
    ck_assert_int_eq(r->converged, 1);
    nt_nmf_result_free(r);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("nmf", &tc);
    nt_test_fixture(&tc, setup, teardown);
    NT_TEST_ADD(tc.core, hals_recovers_planted_product, mu_and_kl_approach_planted_product,
                objective_never_increases, kkt_complementarity_at_convergence);
    nmf_add_core_tests(tc.core);
    nmf_add_edge_tests(tc.edge);
    nmf_add_error_tests(tc.errors);
    nmf_add_final_w_tests(tc.core, tc.errors);
    return nt_test_main(s);
}
