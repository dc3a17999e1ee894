/* test_nmf_edge.c: zero rows and columns, extreme ranks, time limits, empty projections. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_tests.h"
#include "nt_test.h"

/* As documented: a zero row of A gives a zero row of W, a zero column a zero column of H,
 * for every algorithm, sparse or dense input; the other rows stay in use. */
START_TEST(zero_rows_and_columns_give_zero_factors)
{
    double *d = nt_test_copy(P.a, P.m * P.n); /* row 3 and column 5 zeroed */
    nt_test_zero_row_col(d, P.m, P.n, 3, 5);
    cholmod_sparse *s = nt_test_sparse_from_dense(d, P.m, P.n);
    nt_matrix inputs[2] = {{P.m, P.n, s, NULL}, {P.m, P.n, NULL, d}};
    const int algs[3] = {NT_NMF_HALS, NT_NMF_MU, NT_NMF_KL};
    for (int q = 0; q < 6; q++) {
        nt_nmf_options o = nt_test_nmf_options(algs[q % 3], P.k, 30, 0.0);
        nt_nmf_result *r = nt_test_fit(&inputs[q / 3], &o);
        for (size_t t = 0; t < P.k; t++) {
            ck_assert_double_eq(r->w[t * P.m + 3], 0.0);
            ck_assert_double_eq(r->h[t * P.n + 5], 0.0);
        }
        ck_assert_double_lt(r->rel_error, 0.5);
        nt_nmf_result_free(r);
    }
    nt_sparse_free(&s);
    free(d);
}
END_TEST

/* k = 1 and k = min(m, n) both run; the full rank fits a rank-4 product closely. */
START_TEST(extreme_ranks)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 300, 1e-10);
    o.k = 1;
    nt_nmf_result *r1 = nt_test_fit(&a, &o);
    ck_assert_double_gt(r1->rel_error, 0.05);
    o.k = P.n;
    nt_nmf_result *rn = nt_test_fit(&a, &o);
    ck_assert_double_lt(rn->rel_error, 1e-3);
    nt_nmf_result_free(r1);
    nt_nmf_result_free(rn);
}
END_TEST

/* A time limit shorter than one iteration stops after the first, unconverged. */
START_TEST(time_limit_stops_unconverged)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1000, 0.0);
    o.max_time = 1e-9;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_int_eq(r->iterations, 1);
    ck_assert_int_eq(r->converged, 0);
    ck_assert_ptr_null(r->trace);
    nt_nmf_result_free(r);
}
END_TEST

/* The projected-gradient rule stops a hals fit before max_iter and says it converged. */
START_TEST(pgrad_rule_converges)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1000, 1e-4);
    o.stop = NT_NMF_STOP_PGRAD;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_int_eq(r->converged, 1);
    ck_assert_int_lt(r->iterations, 1000);
    ck_assert_double_lt(r->rel_error, 1e-2);
    nt_nmf_result_free(r);
}
END_TEST

/* Projecting an all-zero matrix gives W = 0 (no error: transform may meet empty documents). */
START_TEST(project_zero_matrix_gives_zero)
{
    double *zero = calloc(P.m * P.n, sizeof *zero), *w = malloc(P.m * P.k * sizeof *w);
    nt_matrix a = {P.m, P.n, NULL, zero};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1, 0.0);
    ck_assert_int_eq(nt_nmf_project(&a, P.h0, &o, w, NULL), NT_OK);
    for (size_t q = 0; q < P.m * P.k; q++)
        ck_assert_double_eq(w[q], 0.0);
    free(zero);
    free(w);
}
END_TEST

void nmf_add_edge_tests(TCase *tc)
{
    NT_TEST_ADD(tc, zero_rows_and_columns_give_zero_factors, extreme_ranks,
                time_limit_stops_unconverged, pgrad_rule_converges, project_zero_matrix_gives_zero);
}
