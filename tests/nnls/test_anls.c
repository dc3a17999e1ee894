/* test_anls.c: anls-bpp, snmf-r and snmf-l through nt_nmf_fit, against planted products and KKT. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/nmf.h"
#include "nt_test.h"
#include "nt_test_nmf.h"

static nt_test_planted P; /* 60 x 40, rank 4, 30% zeros in each factor, noiseless */

static void setup(void)
{
    nt_test_planted_make(&P, 60, 40, 4, 0.3, 7);
}

static void teardown(void)
{
    nt_test_planted_free(&P);
}

/* The shared defaults, on two threads. */
static nt_nmf_options opts_for(int algorithm, size_t k, int max_iter, double tol)
{
    nt_nmf_options o = nt_test_nmf_options(algorithm, k, max_iter, tol);
    o.threads = 2;
    return o;
}

static double zero_fraction(const double *x, size_t len)
{
    size_t z = 0;
    for (size_t q = 0; q < len; q++)
        z += x[q] == 0.0;
    return (double)z / (double)len;
}

static double frobenius(const double *a, size_t len)
{
    return sqrt(nt_test_sum_squares(a, len));
}

/* Noiseless planted rank-4 data: relative error < 1e-6, recomputed densely. */
START_TEST(anls_bpp_recovers_planted_product)
{
    nt_nmf_options o = opts_for(NT_NMF_ANLS_BPP, P.k, 2000, 1e-12);
    nt_test_assert_recovers(&P, &o);
}
END_TEST

/* KKT at an anls-bpp solution of a rank-deficient fit (k = 3 < 4, so gradients do not
 * vanish): min(x, grad) = 0 elementwise within 1e-6 of ||A||_F for W and H. */
START_TEST(anls_bpp_kkt_at_convergence)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_ANLS_BPP, 3, 5000, 1e-10);
    o.stop = NT_NMF_STOP_PGRAD;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_int_eq(r->converged, 1);
    nt_test_assert_kkt(P.a, r, 0.0, 1e-6 * frobenius(P.a, P.m * P.n));
    nt_nmf_result_free(r);
}
END_TEST

/* With l1_w = l1_h = l, KKT of 1/2 ||A - WH||^2 + l sum(W) + l sum(H) implies, per topic t,
 * sum(w_t) = sum(h_t) (both equal <A - WH, w_t h_t> / l). The fit returns H with unit row
 * sums and the scale s_t moved into W, so s_t = sqrt(sum(w'_t)) undoes the normalisation;
 * the unnormalised factors must then satisfy min(x, grad + l) = 0 within 1e-6 ||A||_F.
 * From a random start: from NNDSVDa's, a penalty this strong empties two of the three
 * topics, also a KKT point but one without the scales this check divides by. */
START_TEST(anls_bpp_l1_penalties_reach_kkt)
{
    const double l = 0.5;
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_ANLS_BPP, 3, 5000, 1e-10);
    o.stop = NT_NMF_STOP_PGRAD;
    o.l1_w = o.l1_h = l;
    o.init = NT_NMF_INIT_RANDOM;
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_int_eq(r->converged, 1);
    for (size_t t = 0; t < 3; t++) {
        double sw = 0.0;
        for (size_t i = 0; i < P.m; i++)
            sw += r->w[t * P.m + i];
        double st = sqrt(sw);
        for (size_t i = 0; i < P.m; i++)
            r->w[t * P.m + i] /= st;
        for (size_t j = 0; j < P.n; j++)
            r->h[t * P.n + j] *= st;
    }
    nt_test_assert_kkt(P.a, r, l, 1e-6 * frobenius(P.a, P.m * P.n));
    nt_nmf_result_free(r);
}
END_TEST

/* Noisy dense planted data (uniform noise of 0.1 on every entry, factors without zeros):
 * with eta = 0.5 and R NMF's default beta = 0.01, the zero fraction of snmf-r's H is at
 * least 2 x anls-bpp's plus 0.04, likewise for snmf-l's W, at a relative error within 15%
 * of anls-bpp's. */
START_TEST(snmf_sparsifies_its_factor_at_similar_error)
{
    nt_test_planted d;
    nt_test_planted_make(&d, 60, 40, 4, 0.0, 11);
    uint64_t s = 5;
    for (size_t q = 0; q < d.m * d.n; q++)
        d.a[q] += 0.1 * nt_test_lcg(&s);
    nt_sparse_free(&d.s);
    d.s = nt_test_sparse_from_dense(d.a, d.m, d.n);
    nt_matrix a = {d.m, d.n, d.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_ANLS_BPP, 4, 1000, 1e-9);
    nt_nmf_result *base = nt_test_fit(&a, &o);
    o.snmf_eta = 0.5;
    o.algorithm = NT_NMF_SNMF_R;
    nt_nmf_result *sr = nt_test_fit(&a, &o);
    o.algorithm = NT_NMF_SNMF_L;
    nt_nmf_result *sl = nt_test_fit(&a, &o);
    double zh = zero_fraction(base->h, 4 * d.n), zw = zero_fraction(base->w, d.m * 4);
    ck_assert_double_ge(zero_fraction(sr->h, 4 * d.n), 2 * zh + 0.04);
    ck_assert_double_ge(zero_fraction(sl->w, d.m * 4), 2 * zw + 0.04);
    ck_assert_double_le(sr->rel_error, 1.15 * base->rel_error);
    ck_assert_double_le(sl->rel_error, 1.15 * base->rel_error);
    nt_nmf_result_free(base);
    nt_nmf_result_free(sr);
    nt_nmf_result_free(sl);
    nt_test_planted_free(&d);
}
END_TEST

/* Sparse and dense A give the same factors (within 1e-9 of their scale), and a repeated
 * fit with the same options is bit-identical. */
START_TEST(sparse_dense_and_repeat_agree)
{
    nt_matrix sa = {P.m, P.n, P.s, NULL}, da = {P.m, P.n, NULL, P.a};
    nt_nmf_options o = opts_for(NT_NMF_SNMF_R, P.k, 50, 0.0);
    nt_nmf_result *r1 = nt_test_fit(&sa, &o), *r2 = nt_test_fit(&da, &o);
    nt_nmf_result *r3 = nt_test_fit(&sa, &o);
    for (size_t q = 0; q < P.m * P.k; q++)
        ck_assert_double_eq_tol(r1->w[q], r2->w[q], 1e-9 * frobenius(r1->w, P.m * P.k));
    for (size_t q = 0; q < P.k * P.n; q++)
        ck_assert_double_eq_tol(r1->h[q], r2->h[q], 1e-9);
    ck_assert_int_eq(memcmp(r1->w, r3->w, P.m * P.k * sizeof *r1->w), 0);
    ck_assert_int_eq(memcmp(r1->h, r3->h, P.k * P.n * sizeof *r1->h), 0);
    nt_nmf_result_free(r1);
    nt_nmf_result_free(r2);
    nt_nmf_result_free(r3);
}
END_TEST

/* An all-zero row and column of A give an exactly zero row of W and column of H. */
START_TEST(zero_row_and_column_stay_zero)
{
    double *a0 = nt_test_copy(P.a, P.m * P.n);
    nt_test_zero_row_col(a0, P.m, P.n, 5, 7);
    cholmod_sparse *s = nt_test_sparse_from_dense(a0, P.m, P.n);
    nt_matrix a = {P.m, P.n, s, NULL};
    const int algs[3] = {NT_NMF_ANLS_BPP, NT_NMF_SNMF_R, NT_NMF_SNMF_L};
    for (int q = 0; q < 3; q++) {
        nt_nmf_options o = opts_for(algs[q], P.k, 20, 0.0);
        nt_nmf_result *r = nt_test_fit(&a, &o);
        for (size_t t = 0; t < P.k; t++) {
            ck_assert(r->w[t * P.m + 5] == 0.0);
            ck_assert(r->h[t * P.n + 7] == 0.0);
        }
        nt_nmf_result_free(r);
    }
    nt_sparse_free(&s);
    free(a0);
}
END_TEST

/* k = 1: the best non-negative rank-1 fit of a positive matrix is sigma_1 u_1 v_1^T
 * (Perron-Frobenius), so anls-bpp must reach the relative error sqrt(1 - sigma_1^2 /
 * ||A||^2), with sigma_1 from 1000 power iterations on A^T A here (to 1e-8). */
START_TEST(rank_one_reaches_leading_singular_value)
{
    double *v = malloc(P.n * sizeof *v), *u = malloc(P.m * sizeof *u), sigma = 0.0;
    for (size_t j = 0; j < P.n; j++)
        v[j] = 1.0;
    for (int it = 0; it < 1000; it++) {
        for (size_t i = 0; i < P.m; i++) {
            u[i] = 0.0;
            for (size_t j = 0; j < P.n; j++)
                u[i] += P.a[j * P.m + i] * v[j];
        }
        sigma = frobenius(u, P.m);
        for (size_t j = 0; j < P.n; j++) {
            v[j] = 0.0;
            for (size_t i = 0; i < P.m; i++)
                v[j] += P.a[j * P.m + i] * u[i] / sigma;
        }
        double nv = frobenius(v, P.n);
        for (size_t j = 0; j < P.n; j++)
            v[j] /= nv;
    }
    double na = frobenius(P.a, P.m * P.n);
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_ANLS_BPP, 1, 2000, 1e-14);
    nt_nmf_result *r = nt_test_fit(&a, &o);
    ck_assert_double_eq_tol(r->rel_error, sqrt(1.0 - sigma * sigma / (na * na)), 1e-8);
    nt_nmf_result_free(r);
    free(u);
    free(v);
}
END_TEST

/* snmf's parameters are checked before any work, naming them. */
START_TEST(bad_snmf_parameters_are_named)
{
    nt_matrix a = {P.m, P.n, P.s, NULL};
    nt_nmf_options o = opts_for(NT_NMF_SNMF_R, P.k, 10, 0.0);
    nt_nmf_result *r = NULL;
    nt_error err;
    o.snmf_beta = -1.0;
    ck_assert_int_eq(nt_nmf_fit(&a, &o, NULL, &r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "beta"));
    o.snmf_beta = 0.01;
    o.snmf_eta = NAN;
    ck_assert_int_eq(nt_nmf_fit(&a, &o, NULL, &r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "eta"));
    ck_assert_ptr_null(r);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("anls", &tc);
    nt_test_fixture(&tc, setup, teardown);
    NT_TEST_ADD(tc.core, anls_bpp_recovers_planted_product, anls_bpp_kkt_at_convergence,
                anls_bpp_l1_penalties_reach_kkt, snmf_sparsifies_its_factor_at_similar_error,
                sparse_dense_and_repeat_agree);
    NT_TEST_ADD(tc.edge, zero_row_and_column_stay_zero, rank_one_reaches_leading_singular_value);
    NT_TEST_ADD(tc.errors, bad_snmf_parameters_are_named);
    return nt_test_main(s);
}
