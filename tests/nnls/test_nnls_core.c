/* test_nnls_core.c: BPP NNLS on hand-solved, enumerated, random, planted and warm problems. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nnls_fixtures.h"
#include "nt_test.h"

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

/* A 5-unknown problem on which plain full exchange cycles from x = 0 (found by simulating
 * Kim & Park's Algorithm 1 without the backup rule): the backup rule must end it at the
 * enumerated solution. Integer data, so the cycle is not a rounding artefact. */
START_TEST(full_exchange_cycle_ends_by_backup_rule)
{
    double G[25] = {22, -9, 5, 12, -5, -9, 8, -3, 0, -1, 5, -3, 24, -6, -2,
                    12, 0, -6, 15, -5, -5, -1, -2, -5, 11};
    double c[5] = {-4, 3, 5, -2, 1}, x[5], ref[5];
    ck_assert_int_eq(nt_test_nnls_enumerate(5, G, c, ref), 1);
    nt_nnls_workspace *ws = nt_nnls_workspace_create(5, 1);
    nt_nnls_problem np = {5, 1, G, c, 0};
    nt_nnls_stats st;
    ck_assert_int_eq(nt_nnls_bpp_solve(ws, &np, x, 0, &st, NULL), NT_OK);
    ck_assert_int_eq((int)st.unconverged, 0);
    ck_assert_int_gt(st.rounds, 3); /* more than the full exchanges alone */
    for (int i = 0; i < 5; i++)
        ck_assert_double_eq_tol(x[i], ref[i], 1e-12);
    nt_nnls_workspace_free(ws);
}
END_TEST

/* 300 random problems with 6 unknowns, C of mixed signs: the solver agrees with
 * enumeration of all 64 passive sets to 1e-10 of the solution's scale. */
START_TEST(small_problems_match_enumeration)
{
    test_problem p = test_problem_random(9, 6, 300, 41);
    uint64_t s = 7;
    for (size_t i = 0; i < p.rows * p.k; i++)
        p.C[i] = nt_test_normal(&s);
    nt_test_normal_equations(p.rows, p.k, p.r, p.C, p.B, p.G, p.CtB);
    ck_assert_int_eq(test_problem_solve(&p, 0, 2, 0, NULL), NT_OK);
    for (size_t j = 0; j < p.r; j++) {
        double ref[6], scale = 1e-10;
        ck_assert_int_eq(nt_test_nnls_enumerate(6, p.G, p.CtB + j * 6, ref), 1);
        for (int i = 0; i < 6; i++)
            scale = fmax(scale, 1e-10 * fabs(ref[i]));
        for (int i = 0; i < 6; i++)
            ck_assert_double_eq_tol(p.X[j * 6 + i], ref[i], scale);
    }
    test_problem_free(&p);
}
END_TEST

START_TEST(random_problems_satisfy_kkt)
{
    test_problem p = test_problem_random(40, 12, 1000, 11);
    nt_nnls_stats st;
    ck_assert_int_eq(test_problem_solve(&p, 0, 2, 0, &st), NT_OK);
    ck_assert_double_le(nt_test_kkt_violation(p.k, p.r, p.G, p.CtB, 0, p.X), KKT_TOL);
    ck_assert_int_eq((int)st.unconverged, 0);
    ck_assert_int_eq((int)st.ridged, 0);
    size_t zeros = 0;
    for (size_t i = 0; i < p.k * p.r; i++)
        zeros += p.X[i] == 0;
    ck_assert(zeros > p.k * p.r / 10 && zeros < p.k * p.r); /* constraints really bind */
    test_problem_free(&p);
}
END_TEST

START_TEST(shared_passive_sets_recover_planted)
{
    /* 400 right-hand sides (several blocks) built from 4 sparsity patterns: B = C X_true
     * with C of full column rank, so X_true is the unique solution. */
    test_problem p = test_problem_random(30, 8, 400, 5);
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
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, NULL), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], Xt[i], 1e-10);
    free(Xt);
    test_problem_free(&p);
}
END_TEST

START_TEST(warm_start_from_solution_needs_no_pivoting)
{
    test_problem p = test_problem_random(25, 10, 300, 21);
    nt_nnls_stats st;
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, &st), NT_OK);
    ck_assert_int_gt(st.rounds, 1);
    double *cold = malloc(p.k * p.r * 8);
    memcpy(cold, p.X, p.k * p.r * 8);
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 1, &st), NT_OK);
    ck_assert_int_eq(st.rounds, 0);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], cold[i], 1e-12);
    /* A rough guess (the solution with every other entry zeroed, plus one) converges too. */
    for (size_t i = 0; i < p.k * p.r; i++)
        p.X[i] = i % 2 ? 0 : cold[i] + 1;
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 1, &st), NT_OK);
    for (size_t i = 0; i < p.k * p.r; i++)
        ck_assert_double_eq_tol(p.X[i], cold[i], 1e-10);
    free(cold);
    test_problem_free(&p);
}
END_TEST

START_TEST(thread_count_does_not_change_result)
{
    test_problem p = test_problem_random(30, 9, 700, 3);
    ck_assert_int_eq(test_problem_solve(&p, 0, 1, 0, NULL), NT_OK);
    double *one = malloc(p.k * p.r * 8);
    memcpy(one, p.X, p.k * p.r * 8);
    ck_assert_int_eq(test_problem_solve(&p, 0, 2, 0, NULL), NT_OK);
    ck_assert_int_eq(memcmp(one, p.X, p.k * p.r * 8), 0);
    free(one);
    test_problem_free(&p);
}
END_TEST

void nnls_add_core_tests(TCase *tc)
{
    NT_TEST_ADD(tc, hand_solved_two_by_two, full_exchange_cycle_ends_by_backup_rule,
                small_problems_match_enumeration, random_problems_satisfy_kkt,
                shared_passive_sets_recover_planted, warm_start_from_solution_needs_no_pivoting,
                thread_count_does_not_change_result);
}
