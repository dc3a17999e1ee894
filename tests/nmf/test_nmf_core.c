/* test_nmf_core.c: the contract of nt_nmf_fit and nt_nmf_project on planted data. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_tests.h"
#include "nt_test.h"

/* Sparse and dense inputs run through different product kernels (own loops vs BLAS) but
 * must give the same factors to round-off: 1e-9 after 100 iterations, for each algorithm.
 * From a random start: from NNDSVDa's, HALS fits the noiseless data exactly within 100
 * iterations, and round-off then decides the iteration whose objective stops changing. */
START_TEST(sparse_and_dense_give_same_factors)
{
    nt_matrix sparse = {P.m, P.n, P.s, NULL}, dense = {P.m, P.n, NULL, P.a};
    const int algs[3] = {NT_NMF_HALS, NT_NMF_MU, NT_NMF_KL};
    for (int q = 0; q < 3; q++) {
        nt_nmf_options o = nt_test_nmf_options(algs[q], P.k, 100, 0.0);
        o.init = NT_NMF_INIT_RANDOM;
        nt_nmf_result *rs = nt_test_fit(&sparse, &o), *rd = nt_test_fit(&dense, &o);
        ck_assert_int_eq(rs->iterations, rd->iterations);
        ck_assert_double_le(nt_test_max_abs_diff(rs->w, rd->w, P.m * P.k), 1e-9);
        ck_assert_double_le(nt_test_max_abs_diff(rs->h, rd->h, P.k * P.n), 1e-9);
        nt_nmf_result_free(rs);
        nt_nmf_result_free(rd);
    }
}
END_TEST

/* The sparse product kernel takes topics in vectors of 8, in passes of up to 32, the last
 * vector overlapping when 8 does not divide k: k = 13 (two vectors, overlapping), 16 (no
 * overlap) and 37 (a second pass of one vector) must agree with BLAS on the dense copy to
 * 1e-9 of the largest entry after 10 iterations. */
START_TEST(sparse_products_match_blas_for_wide_k)
{
    nt_matrix sparse = {P.m, P.n, P.s, NULL}, dense = {P.m, P.n, NULL, P.a};
    const size_t ks[3] = {13, 16, 37};
    for (int q = 0; q < 3; q++) {
        nt_nmf_options o = nt_test_nmf_options(NT_NMF_MU, ks[q], 10, 0.0);
        size_t nw = P.m * ks[q], nh = ks[q] * P.n;
        nt_nmf_result *rs = nt_test_fit(&sparse, &o), *rd = nt_test_fit(&dense, &o);
        double wmax = nt_test_max_abs(rd->w, nw), hmax = nt_test_max_abs(rd->h, nh);
        ck_assert_double_le(nt_test_max_abs_diff(rs->w, rd->w, nw), 1e-9 * wmax);
        ck_assert_double_le(nt_test_max_abs_diff(rs->h, rd->h, nh), 1e-9 * hmax);
        nt_nmf_result_free(rs);
        nt_nmf_result_free(rd);
    }
}
END_TEST

/* Same seed and thread count: bit-identical factors. 1 and 2 threads: equal within 1e-10 of
 * the largest entry (reductions are blocked independently of the thread count; BLAS may
 * still differ). The 600 x 400 product is large enough for every loop to run in parallel.
 * Random starts, so that another seed gives another fit. */
START_TEST(fits_are_deterministic)
{
    nt_test_planted big;
    nt_test_planted_make(&big, 600, 400, 6, 0.3, 5);
    nt_matrix a = {big.m, big.n, big.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 20, 0.0);
    o.k = big.k;
    o.threads = 2;
    o.init = NT_NMF_INIT_RANDOM;
    size_t nw = big.m * big.k, nh = big.k * big.n;
    nt_nmf_result *r1 = nt_test_fit(&a, &o), *r2 = nt_test_fit(&a, &o);
    ck_assert_int_eq(memcmp(r1->w, r2->w, nw * sizeof(double)), 0);
    ck_assert_int_eq(memcmp(r1->h, r2->h, nh * sizeof(double)), 0);
    o.threads = 1;
    nt_nmf_result *r3 = nt_test_fit(&a, &o);
    ck_assert_double_le(nt_test_max_abs_diff(r1->w, r3->w, nw), 1e-10 * nt_test_max_abs(r1->w, nw));
    ck_assert_double_le(nt_test_max_abs_diff(r1->h, r3->h, nh), 1e-10 * nt_test_max_abs(r1->h, nh));
    o.seed = 2;
    nt_nmf_result *r4 = nt_test_fit(&a, &o);
    ck_assert_double_gt(nt_test_max_abs_diff(r1->h, r4->h, nh), 1e-6);
    nt_nmf_result_free(r1);
    nt_nmf_result_free(r2);
    nt_nmf_result_free(r3);
    nt_nmf_result_free(r4);
    nt_test_planted_free(&big);
}
END_TEST

static size_t count_zeros(const double *x, size_t len)
{
    size_t z = 0;
    for (size_t q = 0; q < len; q++)
        z += x[q] == 0.0;
    return z;
}

/* sum(WH) = sum_t colsum(W)_t since rows of H sum to 1. */
static double mass(const nt_nmf_result *r)
{
    double s = 0.0;
    for (size_t q = 0; q < r->m * r->k; q++)
        s += r->w[q];
    return s;
}

/* An L1 penalty on H zeroes more entries of H; L2 penalties on both factors shrink WH. */
START_TEST(penalties_sparsify_and_shrink)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 300, 1e-8);
    nt_nmf_result *plain = nt_test_fit(&a, &o);
    o.l1_h = 2.0;
    nt_nmf_result *l1 = nt_test_fit(&a, &o);
    ck_assert_uint_gt(count_zeros(l1->h, P.k * P.n), count_zeros(plain->h, P.k * P.n) + 10);
    o.l1_h = 0.0;
    o.l2_w = o.l2_h = 5.0;
    nt_nmf_result *l2 = nt_test_fit(&a, &o);
    ck_assert_double_lt(mass(l2), 0.95 * mass(plain));
    ck_assert_double_gt(l2->rel_error, plain->rel_error);
    nt_nmf_result_free(plain);
    nt_nmf_result_free(l1);
    nt_nmf_result_free(l2);
}
END_TEST

/* Rows of H sum to 1 after fitting, and runs keep the lowest objective of seeds s, s+1, s+2. */
START_TEST(normalised_and_best_of_runs)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_MU, P.k, 20, 0.0);
    o.runs = 3;
    o.seed = 11;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    for (size_t t = 0; t < P.k; t++) {
        double s = 0.0;
        for (size_t j = 0; j < P.n; j++)
            s += r->h[t * P.n + j];
        ck_assert_double_eq_tol(s, 1.0, 1e-12);
    }
    ck_assert_int_eq(r->runs, 3);
    double best = INFINITY;
    for (int q = 0; q < 3; q++)
        best = fmin(best, r->run_objectives[q]);
    ck_assert_double_eq(r->objective, best);
    ck_assert_double_eq(r->run_objectives[r->best_run], best);
    ck_assert_double_ne(r->run_objectives[0], r->run_objectives[1]);
    o.runs = 1;
    o.seed = 11 + (uint64_t)r->best_run;
    nt_nmf_result *single = nt_test_fit(&a, &o);
    ck_assert_double_eq(single->objective, r->objective);
    nt_nmf_result_free(single);
    nt_nmf_result_free(r);
}
END_TEST

/* With the planted H fixed, projection recovers the planted W (A = W0 H0 exactly). */
START_TEST(project_recovers_planted_w)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1, 0.0);
    double *w = malloc(P.m * P.k * sizeof *w);
    nt_error err;
    ck_assert_int_eq(nt_nmf_project(&a, P.h0, &o, w, &err), NT_OK);
    ck_assert_double_le(nt_test_max_abs_diff(w, P.w0, P.m * P.k), 1e-8);
    free(w);
}
END_TEST

/* Projecting onto topics that do not fit exactly (planted H with its last topic dropped,
 * L1 = 0.01) still satisfies the KKT conditions of the penalised problem per document:
 * w >= 0, grad + l1 >= 0 and min(w, grad + l1) = 0 within 1e-9 of ||A||_F. */
START_TEST(project_meets_kkt_conditions)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 1, 0.0);
    o.k = P.k - 1;
    o.l1_w = 0.01;
    size_t k = o.k;
    double *w = malloc(P.m * k * sizeof *w), *gw = malloc(P.m * k * sizeof *gw);
    double *gh = malloc(k * P.n * sizeof *gh), norm = nt_test_sum_squares(P.a, P.m * P.n);
    ck_assert_int_eq(nt_nmf_project(&a, P.h0, &o, w, NULL), NT_OK);
    nt_test_gradients(P.a, P.m, P.n, w, P.h0, k, gw, gh);
    size_t zeros = 0;
    for (size_t q = 0; q < P.m * k; q++) {
        ck_assert_double_ge(w[q], 0.0);
        ck_assert_double_le(fabs(fmin(w[q], gw[q] + o.l1_w)), 1e-9 * sqrt(norm));
        zeros += w[q] == 0.0;
    }
    ck_assert_uint_gt(zeros, 0);
    free(w);
    free(gw);
    free(gh);
}
END_TEST

/* Starting from the planted factors, the fit is exact at once and stays exact. */
START_TEST(custom_init_starts_from_given_factors)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = nt_test_nmf_options(NT_NMF_HALS, P.k, 5, 0.0);
    o.init = NT_NMF_INIT_CUSTOM;
    o.init_w = P.w0;
    o.init_h = P.h0;
    o.record_trace = 1;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    double norm2 = nt_test_sum_squares(P.a, P.m * P.n);
    /* The closed-form objective cancels ||A||^2; it resolves about 1e-13 of it. */
    ck_assert_double_le(r->trace[0], 1e-10 * norm2);
    ck_assert_double_le(r->rel_error, 1e-6);
    nt_nmf_result_free(r);
}
END_TEST

void nmf_add_core_tests(TCase *core)
{
    NT_TEST_ADD(core, sparse_and_dense_give_same_factors, sparse_products_match_blas_for_wide_k,
                fits_are_deterministic,
                penalties_sparsify_and_shrink, normalised_and_best_of_runs,
                project_recovers_planted_w, project_meets_kkt_conditions,
                custom_init_starts_from_given_factors);
}
