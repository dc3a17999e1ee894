/* test_nnls.c: block principal pivoting NNLS against the KKT conditions and planted solutions. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kkt_check.h"
#include "nmf/nnls_bpp.h"

/* Relative KKT violation accepted on well-conditioned problems: the solver's own
 * tolerance is 1e-11 of the same scale; rounding in this test's y adds k * 1e-16. */
#define KKT_TOL 1e-9

/* A random problem: C (rows x k) uniform in [0,1), B (rows x r) normal, so active sets vary. */
typedef struct problem {
    size_t rows, k, r;
    double *C, *B, *G, *CtB, *X;
} problem;

static problem problem_random(size_t rows, size_t k, size_t r, uint64_t seed)
{
    problem p = {rows, k, r, malloc(rows * k * 8), malloc(rows * r * 8), malloc(k * k * 8),
                 malloc(k * r * 8), calloc(k * r, 8)};
    for (size_t i = 0; i < rows * k; i++)
        p.C[i] = nt_test_uniform(&seed);
    for (size_t i = 0; i < rows * r; i++)
        p.B[i] = nt_test_normal(&seed);
    nt_test_normal_equations(rows, k, r, p.C, p.B, p.G, p.CtB);
    return p;
}

static void problem_free(problem *p)
{
    free(p->C), free(p->B), free(p->G), free(p->CtB), free(p->X);
}

static int solve(const problem *p, double l1, int threads, int warm, nt_nnls_stats *st)
{
    nt_nnls_workspace *ws = nt_nnls_workspace_create(p->k, threads);
    ck_assert_ptr_nonnull(ws);
    nt_nnls_problem np = {p->k, p->r, p->G, p->CtB, l1};
    int rc = nt_nnls_bpp_solve(ws, &np, p->X, warm, st, NULL);
    nt_nnls_workspace_free(ws);
    return rc;
}

START_TEST(hand_solved_two_by_two)
{
    /* G = [2 1; 1 2]. c = (1, -1): the unconstrained solution (1, -1) is infeasible, the
     * constrained one is x = (1/2, 0) with y_2 = 1/2 + 1 = 3/2. c = (3, 3): x = (1, 1).
     * c = (-1, -1): x = 0, y = (1, 1). Each right-hand side's two values are contiguous. */
    double G[4] = {2, 1, 1, 2}, CtB[6] = {1, -1, 3, 3, -1, -1}, X[6];
    double expect[6] = {0.5, 0, 1, 1, 0, 0};
    nt_nnls_workspace *ws = nt_nnls_workspace_create(2, 1);
    nt_nnls_problem np = {2, 3, G, CtB, 0};
    nt_nnls_stats st;
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, X, 0, &st, NULL), NT_OK);
    for (int i = 0; i < 6; i++)
        ck_assert_double_eq_tol(X[i], expect[i], 1e-15);
    ck_assert_int_eq((int)st.unconverged, 0);
    nt_nnls_workspace_free(ws);
}
END_TEST

START_TEST(random_problems_satisfy_kkt)
{
    problem p = problem_random(40, 12, 1000, 11);
    nt_nnls_stats st;
    ck_assert_int_eq(solve(&p, 0, 2, 0, &st), NT_OK);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), KKT_TOL);
    ck_assert_int_eq((int)st.unconverged, 0);
    ck_assert_int_eq((int)st.ridged, 0);
    size_t zeros = 0;
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros += p.X[i] == 0;
    ck_assert(zeros > p.k * p.r / 10 && zeros < p.k * p.r); /* constraints really bind */
    problem_free(&p);
}
END_TEST

START_TEST(shared_passive_sets_recover_planted)
{
    /* 400 right-hand sides (several blocks) built from 4 sparsity patterns: B = C X_true
     * with C of full column rank, so X_true is the unique solution. */
    problem p = problem_random(30, 8, 400, 5);
    double *Xt = calloc(p.k * p.r, 8);
    uint64_t s = 99;
    for (size_t j = 0; j < p.r; j++)
        for (size_t t = 0; t < p.k; t++)
            if ((t + j % 4) % 3 != 0)
                Xt[j * p.k + t] = 0.5 + nt_test_uniform(&s);
    for (size_t j = 0; j < p.r; j++)
        for (size_t i = 0; i < p.rows; i++) {
            double v = 0;
            for (size_t t = 0; t < p.k; t++)
                v += p.C[i + t * p.rows] * Xt[j * p.k + t];
            p.B[i + j * p.rows] = v;
        }
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    ck_assert_int_eq(solve(&p, 0, 1, 0, NULL), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], Xt[i], 1e-10);
    free(Xt);
    problem_free(&p);
}
END_TEST

START_TEST(warm_start_from_solution_needs_no_pivoting)
{
    problem p = problem_random(25, 10, 300, 21);
    nt_nnls_stats st;
    ck_assert_int_eq(solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_gt(st.rounds, 1);
    double *cold = malloc(p.k * p.r * 8);
    memcpy(cold, p.X, p.k * p.r * 8);
    ck_assert_int_eq(solve(&p, 0, 1, 1, &st), NT_OK);
    ck_assert_int_eq(st.rounds, 0);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], cold[i], 1e-12);
    /* A rough guess (the solution with every other entry zeroed, plus one) converges too. */
    for (size_t i = 0; i < p.k * p.r; i++)
        p.X[i] = i % 2 ? 0 : cold[i] + 1;
    ck_assert_int_eq(solve(&p, 0, 1, 1, &st), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], cold[i], 1e-10);
    free(cold);
    problem_free(&p);
}
END_TEST

START_TEST(thread_count_does_not_change_result)
{
    problem p = problem_random(30, 9, 700, 3);
    ck_assert_int_eq(solve(&p, 0, 1, 0, NULL), NT_OK);
    double *one = malloc(p.k * p.r * 8);
    memcpy(one, p.X, p.k * p.r * 8);
    ck_assert_int_eq(solve(&p, 0, 2, 0, NULL), NT_OK);
    ck_assert_int_eq(memcmp(one, p.X, p.k * p.r * 8), 0);
    free(one);
    problem_free(&p);
}
END_TEST

START_TEST(zero_column_of_c_is_held_at_zero)
{
    problem p = problem_random(20, 6, 200, 8);
    for (size_t i = 0; i < p.rows; i++)
        p.C[i + 2 * p.rows] = 0;
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    for (size_t i = 0; i < p.k * p.r; i++)
        p.X[i] = 1; /* a warm start that puts the dead unknown in every passive set */
    nt_nnls_stats st;
    ck_assert_int_eq(solve(&p, 0, 1, 1, &st), NT_OK);
    for (size_t j = 0; j < p.r; j++)
        ck_assert(p.X[j * p.k + 2] == 0);
    ck_assert_int_eq((int)st.ridged, 0);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), KKT_TOL);
    problem_free(&p);
}
END_TEST

START_TEST(duplicate_columns_reach_optimal_objective)
{
    /* C's last column repeats its first, so G is singular; the optimum equals the one of
     * the problem without the copy (x_0 + x_last plays x_0's role). Data are non-negative,
     * so both copies want to be passive. */
    problem p = problem_random(20, 5, 150, 13), q = problem_random(20, 4, 150, 13);
    for (size_t i = 0; i < p.rows * p.r; i++)
        p.B[i] = fabs(p.B[i]);
    for (size_t i = 0; i < p.rows; i++)
        p.C[i + 4 * p.rows] = p.C[i];
    memcpy(q.C, p.C, q.rows * q.k * 8);
    memcpy(q.B, p.B, q.rows * q.r * 8);
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    nt_test_normal_equations(q.rows, q.k, q.r, q.C, q.B, q.G, q.CtB);
    nt_nnls_stats st;
    ck_assert_int_eq(solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_eq(solve(&q, 0, 1, 0, NULL), NT_OK);
    ck_assert_int_gt((int)st.ridged, 0);
    double fp = nt_test_nnls_objective(p.k, p.r, p.G, p.CtB, 0, p.X);
    double fq = nt_test_nnls_objective(q.k, q.r, q.G, q.CtB, 0, q.X);
    ck_assert_double_eq_tol(fp, fq, 1e-8 * fabs(fq));
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), 1e-6);
    problem_free(&p);
    problem_free(&q);
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
    problem p = problem_random(40, 10, 500, 17);
    for (size_t i = 0; i < p.rows * p.r; i++)
        p.B[i] = fabs(p.B[i]);
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    ck_assert_int_eq(solve(&p, 0, 1, 0, NULL), NT_OK);
    size_t zeros0 = 0, zeros1 = 0;
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros0 += p.X[i] == 0;
    ck_assert_int_eq(solve(&p, 2.0, 1, 0, NULL), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros1 += p.X[i] == 0;
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 2.0, p.X), KKT_TOL);
    ck_assert_uint_gt(zeros1, zeros0);
    problem_free(&p);
}
END_TEST

START_TEST(ill_conditioned_problems_converge)
{
    /* Nearly collinear columns (a shared base plus 1e-3 noise) with scales 1e-2 .. 1e2:
     * cond(G) is about 1e13, where full exchanges alone may cycle; the backup rule must
     * still end every right-hand side. */
    problem p = problem_random(30, 8, 400, 31);
    uint64_t s = 4;
    for (size_t t = 0; t < p.k; t++)
        for (size_t i = 0; i < p.rows; i++)
            p.C[i + t * p.rows] = pow(10.0, (double)t / 2 - 2)
                                * (p.C[i] + 1e-3 * nt_test_uniform(&s));
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    nt_nnls_stats st;
    ck_assert_int_eq(solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_eq((int)st.unconverged, 0);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), 1e-6);
    problem_free(&p);
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

static Suite *nnls_suite(void)
{
    Suite *s = suite_create("nnls");
    TCase *core = tcase_create("core"), *edge = tcase_create("edge");
    TCase *errors = tcase_create("errors");
    tcase_add_test(core, hand_solved_two_by_two);
    tcase_add_test(core, random_problems_satisfy_kkt);
    tcase_add_test(core, shared_passive_sets_recover_planted);
    tcase_add_test(core, warm_start_from_solution_needs_no_pivoting);
    tcase_add_test(core, thread_count_does_not_change_result);
    tcase_add_test(edge, zero_column_of_c_is_held_at_zero);
    tcase_add_test(edge, duplicate_columns_reach_optimal_objective);
    tcase_add_test(edge, identity_gram_gives_positive_part);
    tcase_add_test(edge, single_unknown);
    tcase_add_test(edge, l1_weight_shifts_rhs_and_sparsifies);
    tcase_add_test(edge, ill_conditioned_problems_converge);
    tcase_add_test(edge, no_right_hand_sides);
    tcase_add_test(errors, wrong_size_is_rejected);
    tcase_add_test(errors, non_finite_input_is_a_numeric_error);
    tcase_add_test(errors, workspace_arguments_are_checked);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(nnls_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
