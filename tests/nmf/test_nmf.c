/* test_nmf.c: the nmf suite: fixtures, and recovery, monotonicity and optimality of the fits. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_fixtures.h"
#include "nmf_tests.h"
#include "nmftopics/nmf.h"

planted P;

void setup(void)
{
    planted_make(&P, 60, 40, 4, 0.3, 7);
}

void teardown(void)
{
    planted_free(&P);
}

nt_nmf_options opts_for(int algorithm, int max_iter, double tol)
{
    nt_nmf_options o;
    nt_nmf_options_init(&o);
    o.k = P.k;
    o.algorithm = algorithm;
    o.max_iter = max_iter;
    o.tol = tol;
    o.threads = 1;
    return o;
}

nt_nmf_result *fit_ok(const nt_matrix *a, const nt_nmf_options *o)
{
    nt_nmf_result *r = NULL;
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_nmf_fit(a, o, NULL, &r, &err);
    ck_assert_msg(rc == NT_OK, "fit failed: %s", err.message);
    return r;
}

/* hals reaches relative error < 1e-6 on noiseless planted data; the result's own figure
 * agrees with a dense recomputation from the returned (normalised) factors. */
START_TEST(hals_recovers_planted_product)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_HALS, 2000, 1e-12);
    nt_nmf_result *r = fit_ok(&a, &o);
    double e = dense_rel_error(P.a, P.m, P.n, r->w, r->h, P.k);
    ck_assert_double_lt(e, 1e-6);
    ck_assert_double_eq_tol(r->rel_error, e, 1e-7);
    ck_assert_int_eq(r->converged, 1);
    nt_nmf_result_free(r);
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
        nt_nmf_options o = opts_for(algs[q], 2000, 0.0);
        nt_nmf_result *r = fit_ok(&a, &o);
        ck_assert_double_lt(dense_rel_error(P.a, P.m, P.n, r->w, r->h, P.k), bound[q]);
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
        nt_nmf_options o = opts_for(algs[q], 300, 0.0);
        o.record_trace = 1;
        nt_nmf_result *r = fit_ok(&a, &o);
        double slack = 1e-12 * (algs[q] == NT_NMF_KL ? sum : norm2);
        ck_assert_int_ge(r->iterations, 10);
        for (int it = 1; it <= r->iterations; it++)
            ck_assert_msg(r->trace[it] <= r->trace[it - 1] + slack, "%s: objective rose at %d",
                          nt_nmf_algorithm_name(algs[q]), it);
        ck_assert_double_lt(r->trace[r->iterations], r->trace[0]);
        ck_assert_double_eq(r->trace[r->iterations], r->objective);
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
    nt_nmf_options o = opts_for(NT_NMF_HALS, 5000, 1e-15);
    o.k = 3;
    o.stop = NT_NMF_STOP_PGRAD;
    o.tol = 1e-10;
    nt_nmf_result *r = fit_ok(&a, &o);
    double *gw = malloc(P.m * 3 * sizeof *gw), *gh = malloc(3 * P.n * sizeof *gh), norm = 0.0;
    for (size_t q = 0; q < P.m * P.n; q++)
        norm += P.a[q] * P.a[q];
    double tol = 1e-6 * sqrt(norm);
    dense_gradients(P.a, P.m, P.n, r->w, r->h, 3, gw, gh);
    for (size_t q = 0; q < P.m * 3; q++)
        ck_assert_double_le(fabs(fmin(r->w[q], gw[q])), tol);
    /* H is normalised, W scaled up: the H gradient scales the other way, still bounded. */
    for (size_t q = 0; q < 3 * P.n; q++)
        ck_assert_double_le(fabs(fmin(r->h[q], gh[q])), tol);
    ck_assert_int_eq(r->converged, 1);
    free(gw);
    free(gh);
    nt_nmf_result_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nmf");
    TCase *core = tcase_create("core");
    tcase_add_checked_fixture(core, setup, teardown);
    tcase_add_test(core, hals_recovers_planted_product);
    tcase_add_test(core, mu_and_kl_approach_planted_product);
    tcase_add_test(core, objective_never_increases);
    tcase_add_test(core, kkt_complementarity_at_convergence);
    nmf_add_core_tests(core);
    TCase *errors = nmf_tcase_errors();
    nmf_add_final_w_tests(core, errors);
    suite_add_tcase(s, core);
    suite_add_tcase(s, nmf_tcase_edge());
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
