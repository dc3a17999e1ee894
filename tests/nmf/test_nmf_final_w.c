/* test_nmf_final_w.c: the factors a fit reports: nt_nmf_rel_error against a dense
 * recomputation, and nt_nmf_result_project (or a fit with project_w) giving the projection
 * a transform gives, warm-started or not, with a relative error that only falls. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_tests.h"
#include "nt_test.h"

/* On P with W0 scaled by 0.9 (so the error is far from 0): sparse and dense A give the
 * dense reference's figure within 1e-12; the planted factors give 0 within 1e-7, the
 * precision of the expansion ||A||^2 - 2<A,WH> + <W^T W, H H^T> near an exact fit. */
START_TEST(rel_error_matches_dense_reference)
{
    double *w = nt_test_copy(P.w0, P.m * P.k), e_sparse, e_dense, e_exact;
    for (size_t q = 0; q < P.m * P.k; q++)
        w[q] *= 0.9;
    nt_matrix sparse = {P.m, P.n, P.s, NULL}, dense = {P.m, P.n, NULL, P.a};
    double want = nt_test_rel_error(P.a, P.m, P.n, w, P.h0, P.k);
    ck_assert_int_eq(nt_nmf_rel_error(&sparse, w, P.h0, P.k, 1, &e_sparse, NULL), NT_OK);
    ck_assert_int_eq(nt_nmf_rel_error(&dense, w, P.h0, P.k, 1, &e_dense, NULL), NT_OK);
    ck_assert_double_gt(want, 0.05);
    ck_assert_double_eq_tol(e_sparse, want, 1e-12);
    ck_assert_double_eq_tol(e_dense, want, 1e-12);
    ck_assert_int_eq(nt_nmf_rel_error(&sparse, P.w0, P.h0, P.k, 1, &e_exact, NULL), NT_OK);
    ck_assert_double_le(e_exact, 1e-7);
    free(w);
}
END_TEST

/* Large enough to run in parallel: 1 and 3 threads give the same bits. */
START_TEST(rel_error_ignores_the_thread_count)
{
    nt_test_planted big;
    nt_test_planted_make(&big, 400, 300, 6, 0.3, 11);
    double *w = nt_test_copy(big.w0, big.m * big.k), one, three;
    w[5] += 0.5;
    nt_matrix a = {big.m, big.n, big.s, NULL};
    ck_assert_int_eq(nt_nmf_rel_error(&a, w, big.h0, big.k, 1, &one, NULL), NT_OK);
    ck_assert_int_eq(nt_nmf_rel_error(&a, w, big.h0, big.k, 3, &three, NULL), NT_OK);
    ck_assert(one == three);
    ck_assert_double_eq_tol(one, nt_test_rel_error(big.a, big.m, big.n, w, big.h0, big.k), 1e-12);
    free(w);
    nt_test_planted_free(&big);
}
END_TEST

/* A rank-deficient hals fit with the default stopping rule (k = 3 < 4, so the error stays
 * well above 0): the W stored afterwards is nt_nmf_project's (warm and cold starts reach the
 * unique solution; 1e-10 of max |W| allows for a passive set that differs at an entry on
 * the boundary, where both choices are optimal), differs from the last iterate, and its
 * relative error is no larger and is the dense reference's. */
START_TEST(result_project_stores_the_transform_w)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 200, 1e-4);
    o.k = 3;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double *last = nt_test_copy(r->w, P.m * 3), before = r->rel_error;
    double norm2 = nt_test_sum_squares(P.a, P.m * P.n);
    double *projected = malloc(P.m * 3 * sizeof *projected);
    nt_error err;
    ck_assert_int_eq(nt_nmf_result_projects_w(&o), 1);
    ck_assert_msg(nt_nmf_result_project(&a, &o, r, &err) == NT_OK, "%s", err.message);
    ck_assert_int_eq(nt_nmf_project(&a, r->h, &o, projected, &err), NT_OK);
    ck_assert_double_le(nt_test_max_abs_diff(r->w, projected, P.m * 3),
                        1e-10 * nt_test_max_abs(projected, P.m * 3));
    ck_assert_double_gt(nt_test_max_abs_diff(r->w, last, P.m * 3), 1e-9);
    ck_assert_double_le(r->rel_error, before + 1e-15);
    ck_assert_double_eq_tol(r->rel_error, nt_test_rel_error(P.a, P.m, P.n, r->w, r->h, 3), 1e-12);
    /* No penalties: the objective is 1/2 ||A - WH||^2. */
    ck_assert_double_eq_tol(r->objective, 0.5 * r->rel_error * r->rel_error * norm2, 1e-9 * norm2);
    free(last);
    free(projected);
    nt_nmf_result_free(r);
}
END_TEST

/* project_w does the same on the fit's own state: the result is bit for bit that of a fit
 * without it followed by nt_nmf_result_project, penalties included (l1_w, l2_w, l2_h), and
 * the trace and run objectives are the run's. Two runs, so the kept run is not the last. */
START_TEST(fit_with_project_w_matches_result_project)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, 3, 200, 1e-4);
    o.l1_w = 0.01, o.l2_w = 0.05, o.l2_h = 0.02, o.runs = 2, o.record_trace = 1;
    nt_nmf_result *two_step = nt_test_fit(&a, &o);
    ck_assert_int_eq(nt_nmf_result_project(&a, &o, two_step, NULL), NT_OK);
    o.project_w = 1;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_mem_eq(r->w, two_step->w, P.m * 3 * sizeof *r->w);
    ck_assert_mem_eq(r->h, two_step->h, 3 * P.n * sizeof *r->h);
    ck_assert(r->rel_error == two_step->rel_error && r->objective == two_step->objective);
    ck_assert_int_eq(r->iterations, two_step->iterations);
    ck_assert_int_eq(r->best_run, two_step->best_run);
    ck_assert_mem_eq(r->trace, two_step->trace, (size_t)(r->iterations + 1) * sizeof *r->trace);
    ck_assert_mem_eq(r->run_objectives, two_step->run_objectives, 2 * sizeof *r->run_objectives);
    nt_nmf_result_free(two_step);
    nt_nmf_result_free(r);
}
END_TEST

/* The warm start only changes where the pivoting begins: from a poor starting W (every
 * other entry zeroed, the rest tripled, and one document's weights all positive) the
 * projection still lands on the cold start's solution, within 1e-10 of max |W| (the
 * solver's tolerance is about 1e-11 relative), and meets the KKT conditions of the
 * penalised problem recomputed densely (1e-9 of ||A||_F). */
START_TEST(warm_start_agrees_with_cold_start)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, 3, 200, 1e-4);
    o.l1_w = 0.01;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    size_t len = P.m * 3;
    double *cold = malloc(len * sizeof *cold), *gw = malloc(len * sizeof *gw);
    double *gh = malloc(3 * P.n * sizeof *gh), norm = nt_test_sum_squares(P.a, P.m * P.n);
    ck_assert_int_eq(nt_nmf_project(&a, r->h, &o, cold, NULL), NT_OK);
    for (size_t q = 0; q < len; q++)
        r->w[q] = q % 2 ? 0.0 : 3.0 * r->w[q] + (q % P.m == 5 ? 1.0 : 0.0);
    ck_assert_double_gt(nt_test_max_abs_diff(r->w, cold, len), 0.1);
    ck_assert_int_eq(nt_nmf_result_project(&a, &o, r, NULL), NT_OK);
    ck_assert_double_le(nt_test_max_abs_diff(r->w, cold, len), 1e-10 * nt_test_max_abs(cold, len));
    nt_test_gradients(P.a, P.m, P.n, r->w, r->h, 3, gw, gh);
    nt_test_assert_complementary(r->w, gw, len, o.l1_w, 1e-9 * sqrt(norm));
    free(cold);
    free(gw);
    free(gh);
    nt_nmf_result_free(r);
}
END_TEST

/* kl (another loss), snmf-r/-l (penalties on W) and missing entries keep the fit's W, and
 * project_w leaves their fits as they are. */
START_TEST(result_project_leaves_other_fits_alone)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    const int algs[4] = {NT_NMF_KL, NT_NMF_SNMF_R, NT_NMF_SNMF_L, NT_NMF_HALS};
    for (int q = 0; q < 4; q++) {
        nt_nmf_options o = nt_test_nmf_options(algs[q], P.k, 30, 1e-4);
        o.missing = algs[q] == NT_NMF_HALS ? NT_NMF_MISSING_ABSENT : NT_NMF_MISSING_ZERO;
        nt_nmf_result *r = nt_test_fit(&a, &o);
        double *w = nt_test_copy(r->w, P.m * P.k), e = r->rel_error, f = r->objective;
        ck_assert_int_eq(nt_nmf_result_projects_w(&o), 0);
        ck_assert_int_eq(nt_nmf_result_project(&a, &o, r, NULL), NT_OK);
        ck_assert_mem_eq(r->w, w, P.m * P.k * sizeof *w);
        ck_assert(r->rel_error == e && r->objective == f);
        o.project_w = 1;
        nt_nmf_result *again = nt_test_fit(&a, &o);
        ck_assert_mem_eq(again->w, w, P.m * P.k * sizeof *w);
        ck_assert(again->rel_error == e && again->objective == f);
        free(w);
        nt_nmf_result_free(r);
        nt_nmf_result_free(again);
    }
}
END_TEST

START_TEST(final_w_errors)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 5, 1e-4);
    nt_nmf_result *r = nt_test_fit(&a, &o);
    nt_error err;
    double e;
    /* A result of another size. */
    nt_matrix smaller = {P.m - 1, P.n, P.s, NULL};
    ck_assert_int_eq(nt_nmf_result_project(&smaller, &o, r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "do not match"));
    /* An all-zero or non-finite A, or neither form given. */
    double *zero = calloc(P.m * P.n, sizeof *zero);
    nt_matrix z = {P.m, P.n, NULL, zero};
    ck_assert_int_eq(nt_nmf_rel_error(&z, r->w, r->h, P.k, 1, &e, &err), NT_EEMPTY);
    ck_assert_int_eq(nt_nmf_result_project(&z, &o, r, &err), NT_EEMPTY);
    ck_assert_ptr_nonnull(strstr(err.message, "all zero"));
    zero[7] = NAN;
    ck_assert_int_eq(nt_nmf_rel_error(&z, r->w, r->h, P.k, 1, &e, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "not finite"));
    nt_matrix none = {P.m, P.n, NULL, NULL};
    ck_assert_int_eq(nt_nmf_rel_error(&none, r->w, r->h, P.k, 1, &e, &err), NT_EINVAL);
    free(zero);
    nt_nmf_result_free(r);
}
END_TEST

void nmf_add_final_w_tests(TCase *core, TCase *errors)
{
    NT_TEST_ADD(core, rel_error_matches_dense_reference, rel_error_ignores_the_thread_count,
                result_project_stores_the_transform_w, fit_with_project_w_matches_result_project,
                warm_start_agrees_with_cold_start, result_project_leaves_other_fits_alone);
    NT_TEST_ADD(errors, final_w_errors);
}
