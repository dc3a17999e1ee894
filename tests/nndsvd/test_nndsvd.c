/* test_nndsvd.c: the randomised SVD and NNDSVD against LAPACK's exact SVD of small matrices. */
#include <cblas.h>
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/rsvd.h"
#include "nndsvd_fixtures.h"
#include "nt_test.h"
#include "nt_test_nmf.h"

/* Spectrum decaying about 2x per term; rank 5 with l = 15: the randomised singular values
 * match LAPACK's to 1e-10 of sigma_1 and the vectors' |cosines| to 1e-10, for a tall A
 * (50 x 40: the sketch and QR on the columns' side) and a wide one (40 x 50: on the rows'). */
START_TEST(rsvd_matches_exact_svd)
{
    const size_t shapes[2][2] = {{50, 40}, {40, 50}};
    for (int q = 0; q < 2; q++) {
        size_t m = shapes[q][0], n = shapes[q][1];
        dense d = decaying(m, n, 40, 0.5, 1);
        exact e = exact_svd(&d);
        nt_nmf_state st = state_for(&d, 5, 1);
        double u[50 * 5], s[5], v[50 * 5];
        ck_assert_int_eq(nt_nmf_rsvd(&st, 5, 9, u, s, v, NULL), NT_OK);
        for (size_t j = 0; j < 5; j++) {
            ck_assert_double_eq_tol(s[j], e.s[j], 1e-10 * e.s[0]);
            double cu = 0, cv = 0;
            for (size_t i = 0; i < m; i++)
                cu += u[j * m + i] * e.u[j * m + i];
            for (size_t c = 0; c < n; c++)
                cv += v[j * n + c] * e.vt[c * e.p + j];
            ck_assert_double_ge(fabs(cu), 1 - 1e-10);
            ck_assert_double_ge(fabs(cv), 1 - 1e-10);
            ck_assert_double_ge(cu * cv, 0); /* u_j and v_j flip sign together */
        }
        nt_nmf_state_destroy(&st);
        exact_free(&e);
        dense_free(&d);
    }
}
END_TEST

/* NNDSVD (rank k, seed 3) of decaying(m, n, min(m, n), 0.5, seed) equals the definition
 * built from LAPACK's exact SVD to 1e-9 of the largest entry; w receives the expected W
 * (row-major m x k). */
static void assert_matches_definition(size_t m, size_t n, size_t k, uint64_t seed, double *w)
{
    dense d = decaying(m, n, m < n ? m : n, 0.5, seed);
    double *ht = malloc(n * k * sizeof *ht);
    expected_nndsvd(&d, k, w, ht);
    nt_nmf_state st = state_for(&d, k, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&st, 3, NULL), NT_OK);
    assert_close(&st, w, ht, 1e-9);
    nt_nmf_state_destroy(&st);
    free(ht);
    dense_free(&d);
}

/* NNDSVD from the randomised SVD equals the definition; the definition does not depend on
 * the singular vectors' signs. */
START_TEST(nndsvd_matches_definition)
{
    double w[50 * 6];
    assert_matches_definition(50, 40, 6, 2, w);
    size_t zeros = 0;
    for (size_t q = 0; q < 50 * 6; q++)
        zeros += w[q] == 0.0;
    ck_assert_uint_gt(zeros, 50); /* topics after the first really are one-signed parts */
}
END_TEST

/* nndsvda replaces exactly NNDSVD's zeros by mean(A) (to 1e-12: this test sums in another
 * order); nndsvdar by values in (0, 0.06 mean(A)] (|N(0,1)| / 100 stays below 6 with these
 * seeds), reproducibly, and another seed gives other values. */
START_TEST(variants_fill_the_zeros)
{
    dense d = decaying(30, 25, 25, 0.5, 4);
    double mean = 0;
    for (size_t q = 0; q < 30 * 25; q++)
        mean += d.a[q] / (30 * 25);
    nt_nmf_state base = state_for(&d, 4, 1), a = state_for(&d, 4, 1), r = state_for(&d, 4, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&base, 5, NULL), NT_OK);
    ck_assert_int_eq(nt_nmf_init_nndsvda(&a, 5, NULL), NT_OK);
    ck_assert_int_eq(nt_nmf_init_nndsvdar(&r, 5, NULL), NT_OK);
    const double *bx[2] = {base.w, base.ht}, *ax[2] = {a.w, a.ht}, *rx[2] = {r.w, r.ht};
    size_t len[2] = {30 * 4, 25 * 4}, zeros = 0;
    for (int f = 0; f < 2; f++)
        for (size_t q = 0; q < len[f]; q++) {
            if (bx[f][q] != 0.0) {
                ck_assert(ax[f][q] == bx[f][q] && rx[f][q] == bx[f][q]);
                continue;
            }
            zeros++;
            ck_assert_double_eq_tol(ax[f][q], mean, 1e-12 * mean);
            ck_assert(rx[f][q] > 0.0 && rx[f][q] <= 0.06 * mean);
        }
    ck_assert_uint_gt(zeros, 20);
    double w1[30 * 4];
    memcpy(w1, r.w, sizeof w1);
    ck_assert_int_eq(nt_nmf_init_nndsvdar(&r, 5, NULL), NT_OK);
    ck_assert_int_eq(memcmp(w1, r.w, sizeof w1), 0);
    ck_assert_int_eq(nt_nmf_init_nndsvdar(&r, 6, NULL), NT_OK);
    ck_assert_int_ne(memcmp(w1, r.w, sizeof w1), 0);
    nt_nmf_state_destroy(&base);
    nt_nmf_state_destroy(&a);
    nt_nmf_state_destroy(&r);
    dense_free(&d);
}
END_TEST

/* Sparse and dense A give the same NNDSVD to 1e-10 of the largest entry. */
START_TEST(sparse_and_dense_agree)
{
    dense d = decaying(40, 30, 30, 0.5, 6);
    nt_nmf_state s = state_for(&d, 5, 1), t = state_for(&d, 5, 0);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&s, 1, NULL), NT_OK);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&t, 1, NULL), NT_OK);
    assert_close(&s, t.w, t.ht, 1e-10);
    nt_nmf_state_destroy(&s);
    nt_nmf_state_destroy(&t);
    dense_free(&d);
}
END_TEST

/* The engine runs from NNDSVD: trace[0] is 1/2 ||A - W0 H0||^2 of the expected factors. */
START_TEST(fit_starts_from_nndsvd)
{
    dense d = decaying(50, 40, 40, 0.5, 2);
    double w[50 * 6], ht[40 * 6], f = 0;
    expected_nndsvd(&d, 6, w, ht);
    for (size_t j = 0; j < 40; j++)
        for (size_t i = 0; i < 50; i++) {
            double r = d.a[j * 50 + i];
            for (size_t t = 0; t < 6; t++)
                r -= w[i * 6 + t] * ht[j * 6 + t];
            f += 0.5 * r * r;
        }
    nt_nmf_options o;
    nt_nmf_options_init(&o);
    o.k = 6, o.init = NT_NMF_INIT_NNDSVD, o.algorithm = NT_NMF_ANLS_BPP, o.max_iter = 3;
    o.record_trace = 1;
    nt_matrix a = {50, 40, d.s, NULL};
    nt_nmf_result *r = NULL;
    ck_assert_int_eq(nt_nmf_fit(&a, &o, NULL, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r->trace[0], f, 1e-8 * f);
    ck_assert_double_lt(r->trace[3], r->trace[0]);
    nt_nmf_result_free(r);
    dense_free(&d);
}
END_TEST

/* Large enough for nndsvd.c's parallel loops ((m + n) k and m k at least 100,000): NNDSVDa
 * gives bit-identical W and H on 1 and 3 threads, BLAS kept on one thread for both. */
START_TEST(nndsvda_does_not_depend_on_the_thread_count)
{
    const size_t m = 2500, n = 500, k = 40;
    dense d = decaying(m, n, 60, 0.9, 4);
    int blas_threads = openblas_get_num_threads();
    openblas_set_num_threads(1);
    double *w[2], *ht[2];
    for (int q = 0; q < 2; q++) {
        nt_nmf_state st = state_for(&d, k, 1);
        st.threads = q == 0 ? 1 : 3;
        ck_assert_int_eq(nt_nmf_init_nndsvda(&st, 5, NULL), NT_OK);
        w[q] = malloc(m * k * sizeof *w[q]);
        ht[q] = malloc(n * k * sizeof *ht[q]);
        memcpy(w[q], st.w, m * k * sizeof *w[q]);
        memcpy(ht[q], st.ht, n * k * sizeof *ht[q]);
        nt_nmf_state_destroy(&st);
    }
    openblas_set_num_threads(blas_threads);
    ck_assert_double_gt(nt_test_max_abs(w[0], m * k), 0.0);
    ck_assert_int_eq(memcmp(w[0], w[1], m * k * sizeof *w[0]), 0);
    ck_assert_int_eq(memcmp(ht[0], ht[1], n * k * sizeof *ht[0]), 0);
    for (int q = 0; q < 2; q++) {
        free(w[q]);
        free(ht[q]);
    }
    dense_free(&d);
}
END_TEST

/* k = min(m, n) (no room to oversample) still matches the definition. */
START_TEST(full_rank_matches_definition)
{
    double w[12 * 6];
    assert_matches_definition(12, 6, 6, 8, w);
}
END_TEST

/* A of rank 2 with k = 4: topics 2 and 3 have singular values ~1e-16 and come out exactly
 * zero (below eps); nndsvda turns them into mean(A). */
START_TEST(rank_deficient_input_gives_empty_topics)
{
    dense d = decaying(30, 20, 2, 0.5, 10);
    nt_nmf_state st = state_for(&d, 4, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&st, 1, NULL), NT_OK);
    for (size_t i = 0; i < 30; i++)
        ck_assert(st.w[i * 4 + 2] == 0.0 && st.w[i * 4 + 3] == 0.0 && st.w[i * 4] > 0.0);
    for (size_t j = 0; j < 20; j++)
        ck_assert(st.ht[j * 4 + 2] == 0.0 && st.ht[j * 4 + 3] == 0.0 && st.ht[j * 4] > 0.0);
    nt_nmf_state_destroy(&st);
    dense_free(&d);
}
END_TEST

/* An all-zero row and column of A give a zero row of W and column of H under nndsvd. */
START_TEST(zero_row_and_column_give_zero_factors)
{
    dense d = decaying(30, 20, 20, 0.5, 12);
    nt_test_zero_row_col(d.a, 30, 20, 3, 5);
    nt_sparse_free(&d.s);
    d.s = nt_test_sparse_from_dense(d.a, 30, 20);
    nt_nmf_state st = state_for(&d, 4, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&st, 1, NULL), NT_OK);
    for (size_t t = 0; t < 4; t++)
        ck_assert(st.w[3 * 4 + t] == 0.0 && st.ht[5 * 4 + t] == 0.0);
    nt_nmf_state_destroy(&st);
    dense_free(&d);
}
END_TEST

START_TEST(rsvd_rank_out_of_range_is_named)
{
    dense d = decaying(10, 8, 8, 0.5, 14);
    nt_nmf_state st = state_for(&d, 2, 1);
    double u[10 * 9], s[9], v[8 * 9];
    nt_error err;
    ck_assert_int_eq(nt_nmf_rsvd(&st, 9, 1, u, s, v, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "rank 9"));
    ck_assert_int_eq(nt_nmf_rsvd(&st, 0, 1, u, s, v, &err), NT_EINVAL);
    nt_nmf_state_destroy(&st);
    dense_free(&d);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("nndsvd", &tc);
    NT_TEST_ADD(tc.core, rsvd_matches_exact_svd, nndsvd_matches_definition, variants_fill_the_zeros,
                sparse_and_dense_agree, fit_starts_from_nndsvd,
                nndsvda_does_not_depend_on_the_thread_count);
    NT_TEST_ADD(tc.edge, full_rank_matches_definition, rank_deficient_input_gives_empty_topics,
                zero_row_and_column_give_zero_factors);
    NT_TEST_ADD(tc.errors, rsvd_rank_out_of_range_is_named);
    return nt_test_main(s);
}
