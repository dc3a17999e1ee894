/* test_nnls_edge.c: BPP NNLS on singular, degenerate and ill-conditioned problems; bad input. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nnls_fixtures.h"
#include "nt_test.h"

START_TEST(zero_column_of_c_is_held_at_zero)
{
    test_problem p = test_problem_random(20, 6, 200, 8);
    for (size_t i = 0; i < p.rows; i++)
        p.C[i + 2 * p.rows] = 0;
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    for (size_t i = 0; i < p.k * p.r; i++)
        p.X[i] = 1; /* a warm start that puts the dead unknown in every passive set */
    nt_nnls_stats st;
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 1, &st), NT_OK);
    for (size_t j = 0; j < p.r; j++)
        ck_assert(p.X[j * p.k + 2] == 0);
    ck_assert_int_eq((int)st.ridged, 0);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), KKT_TOL);
    test_problem_free(&p);
}
END_TEST

START_TEST(duplicate_columns_reach_optimal_objective)
{
    /* C's last column repeats its first, so G is singular; the optimum equals the one of
     * the problem without the copy (x_0 + x_last plays x_0's role). Data are non-negative,
     * so both copies want to be passive. */
    test_problem p = test_problem_random(20, 5, 150, 13);
    test_problem q = test_problem_random(20, 4, 150, 13);
    for (size_t i = 0; i < p.rows * p.r; i++)
        p.B[i] = fabs(p.B[i]);
    for (size_t i = 0; i < p.rows; i++)
        p.C[i + 4 * p.rows] = p.C[i];
    memcpy(q.C, p.C, q.rows * q.k * 8);
    memcpy(q.B, p.B, q.rows * q.r * 8);
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    nt_test_normal_equations(q.rows, q.k, q.r, q.C, q.B, q.G, q.CtB);
    nt_nnls_stats st;
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_eq(test_problem_solve(&q, 0, 1, 0, NULL), NT_OK);
    ck_assert_int_gt((int)st.ridged, 0);
    double fp = nt_test_nnls_objective(p.k, p.r, p.G, p.CtB, 0, p.X);
    double fq = nt_test_nnls_objective(q.k, q.r, q.G, q.CtB, 0, q.X);
    ck_assert_double_eq_tol(fp, fq, 1e-8 * fabs(fq));
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), 1e-6);
    test_problem_free(&p);
    test_problem_free(&q);
}
END_TEST

START_TEST(identity_gram_gives_positive_part)
{
    /* G = I: x = max(c, 0) exactly, with exact zeros in c (degenerate: x_i = y_i = 0). */
    double G[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    double CtB[12] = {0, 1, -2, 0, 3, 0, 0, -1, -0.0, 2, 5, 0}, X[12];
    nt_nnls_workspace *ws = nt_nnls_workspace_create(3, 1);
    nt_nnls_problem np = {3, 4, G, CtB, 0};
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, NULL, NULL), NT_OK);
    for (int i = 0; i < 12; i++)
        ck_assert(X[i] == fmax(CtB[i], 0));
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(single_unknown)
{
    double G = 4, CtB[3] = {2, -1, 0}, X[3];
    nt_nnls_workspace *ws = nt_nnls_workspace_create(1, 1);
    nt_nnls_problem np = {1, 3, &G, CtB, 0.5};
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, NULL, NULL), NT_OK);
    ck_assert_double_eq_tol(X[0], (2 - 0.5) / 4, 1e-16);
    ck_assert(X[1] == 0 && X[2] == 0);
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(l1_weight_shifts_rhs_and_sparsifies)
{
    test_problem p = test_problem_random(40, 10, 500, 17);
    for (size_t i = 0; i < p.rows * p.r; i++)
        p.B[i] = fabs(p.B[i]);
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, NULL), NT_OK);
    size_t zeros0 = 0, zeros1 = 0;
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros0 += p.X[i] == 0;
    ck_assert_int_eq(test_problem_solve(&p, 2.0, 1, 0, NULL), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros1 += p.X[i] == 0;
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 2.0, p.X), KKT_TOL);
    ck_assert_uint_gt(zeros1, zeros0);
    test_problem_free(&p);
}
END_TEST

START_TEST(ill_conditioned_problems_converge)
{
    /* Nearly collinear columns (a shared base plus 1e-3 noise) with scales 1e-2 .. 1e2,
     * so cond(G) is about 5e13: rounding in y is large, yet every right-hand side must end
     * before the round cap, at a KKT point within 1e-6. */
    test_problem p = test_problem_random(30, 8, 400, 31);
    uint64_t s = 4;
    for (size_t t = 0; t < p.k; t++)
        for (size_t i = 0; i < p.rows; i++)
            p.C[i + t * p.rows] = pow(10.0, (double)t / 2 - 2)
                                * (p.C[i] + 1e-3 * nt_test_uniform(&s));
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    nt_nnls_stats st;
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_eq((int)st.unconverged, 0);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), 1e-6);
    test_problem_free(&p);
}
END_TEST

START_TEST(no_right_hand_sides)
{
    double G = 1;
    nt_nnls_workspace *ws = nt_nnls_workspace_create(1, 2);
    nt_nnls_problem np = {1, 0, &G, NULL, 0};
    nt_nnls_stats st = {7, 7, 7};
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, NULL, 0, &st, NULL), NT_OK);
    ck_assert_int_eq(st.rounds, 0);
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(wrong_size_is_rejected)
{
    double G[4] = {1, 0, 0, 1}, CtB[2] = {1, 1}, X[2];
    nt_nnls_workspace *ws = nt_nnls_workspace_create(3, 1);
    nt_nnls_problem np = {2, 1, G, CtB, 0};
    nt_error err;
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, NULL, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "2 unknowns"));
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(non_finite_input_is_a_numeric_error)
{
    double G[4] = {1, NAN, NAN, 1}, CtB[2] = {1, 1}, X[2];
    nt_nnls_workspace *ws = nt_nnls_workspace_create(2, 1);
    nt_nnls_problem np = {2, 1, G, CtB, 0};
    nt_error err;
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, NULL, &err), NT_ENUMERIC);
    ck_assert_ptr_nonnull(strstr(err.message, "Gram matrix entry 1 is nan"));
    G[1] = G[2] = 0;
    CtB[1] = INFINITY;
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, NULL, &err), NT_ENUMERIC);
    ck_assert_ptr_nonnull(strstr(err.message, "right-hand side is not finite"));
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(workspace_arguments_are_checked)
{
    ck_assert_ptr_null(nt_nnls_workspace_create(0, 1));
    ck_assert_ptr_null(nt_nnls_workspace_create(4, 0));
    nt_nnls_workspace_free(NULL);
}
END_TEST

void nnls_add_edge_tests(TCase *tc)
{
    NT_TEST_ADD(tc, zero_column_of_c_is_held_at_zero, duplicate_columns_reach_optimal_objective,
                identity_gram_gives_positive_part, single_unknown,
                l1_weight_shifts_rhs_and_sparsifies, ill_conditioned_problems_converge,
                no_right_hand_sides);
}

void nnls_add_error_tests(TCase *tc)
{
    NT_TEST_ADD(tc, wrong_size_is_rejected, non_finite_input_is_a_numeric_error,
                workspace_arguments_are_checked);
}
