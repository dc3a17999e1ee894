/* test_nndsvd.c: the randomised SVD and NNDSVD against LAPACK's exact SVD of small matrices. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kkt_check.h"
#include "nmf/nmf_internal.h"
#include "nmf/rsvd.h"

void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work,
             const int *lwork, int *iwork, int *info);

/* A dense non-negative m x n matrix (column-major) and its sparse copy. */
typedef struct dense {
    size_t m, n;
    double *a;
    cholmod_sparse *s;
} dense;

static cholmod_sparse *to_sparse(const double *a, size_t m, size_t n)
{
    size_t nz = 0;
    for (size_t q = 0; q < m * n; q++)
        nz += a[q] != 0.0;
    cholmod_sparse *s = nt_sparse_allocate(m, n, nz);
    int *sp = s->p, *si = s->i, q = 0;
    double *sx = s->x;
    for (size_t j = 0; j < n; j++) {
        sp[j] = q;
        for (size_t i = 0; i < m; i++)
            if (a[j * m + i] != 0.0)
                si[q] = (int)i, sx[q++] = a[j * m + i];
    }
    sp[n] = q;
    return s;
}

/* sum_{r < terms} ratio^r x_r y_r^T with x_r, y_r uniform in [0, 1): non-negative, with a
 * roughly geometric spectrum. */
static dense decaying(size_t m, size_t n, size_t terms, double ratio, uint64_t seed)
{
    dense d = {m, n, calloc(m * n, sizeof(double)), NULL};
    double *x = malloc(m * sizeof *x), *y = malloc(n * sizeof *y), c = 1.0;
    for (size_t r = 0; r < terms; r++, c *= ratio) {
        for (size_t i = 0; i < m; i++)
            x[i] = nt_test_uniform(&seed);
        for (size_t j = 0; j < n; j++)
            y[j] = nt_test_uniform(&seed);
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < m; i++)
                d.a[j * m + i] += c * x[i] * y[j];
    }
    free(x);
    free(y);
    d.s = to_sparse(d.a, m, n);
    return d;
}

static void dense_free(dense *d)
{
    free(d->a);
    nt_sparse_free(&d->s);
}

/* The exact thin SVD A = U diag(s) V^T from LAPACK: U m x p, vt p x n, p = min(m, n). */
typedef struct exact {
    size_t p;
    double *u, *s, *vt;
} exact;

static exact exact_svd(const dense *d)
{
    int m = (int)d->m, n = (int)d->n, p = m < n ? m : n, info, lwork = -1, *iwork;
    exact e = {(size_t)p, malloc(d->m * (size_t)p * 8), malloc((size_t)p * 8),
               malloc((size_t)p * d->n * 8)};
    double *a = malloc(d->m * d->n * 8), q;
    memcpy(a, d->a, d->m * d->n * 8);
    iwork = malloc(8 * (size_t)p * sizeof *iwork);
    dgesdd_("S", &m, &n, a, &m, e.s, e.u, &m, e.vt, &p, &q, &lwork, iwork, &info);
    lwork = (int)q + 1;
    double *work = malloc((size_t)lwork * 8);
    dgesdd_("S", &m, &n, a, &m, e.s, e.u, &m, e.vt, &p, work, &lwork, iwork, &info);
    ck_assert_int_eq(info, 0);
    free(a), free(work), free(iwork);
    return e;
}

static void exact_free(exact *e)
{
    free(e->u), free(e->s), free(e->vt);
}

/* scikit-learn's NNDSVD (eps 1e-6) from the exact SVD, row-major W (m x k), H^T (n x k). */
static void expected_nndsvd(const dense *d, const exact *e, size_t k, double *w, double *ht)
{
    size_t m = d->m, n = d->n;
    for (size_t j = 0; j < k; j++) {
        double xp = 0, xn = 0, yp = 0, yn = 0;
        for (size_t i = 0; i < m; i++) {
            double x = e->u[j * m + i];
            xp += x > 0 ? x * x : 0, xn += x < 0 ? x * x : 0;
        }
        for (size_t c = 0; c < n; c++) {
            double y = e->vt[c * e->p + j];
            yp += y > 0 ? y * y : 0, yn += y < 0 ? y * y : 0;
        }
        xp = sqrt(xp), xn = sqrt(xn), yp = sqrt(yp), yn = sqrt(yn);
        int pos = xp * yp > xn * yn;
        double nx = pos ? xp : xn, ny = pos ? yp : yn, lbd = sqrt(e->s[j] * nx * ny);
        for (size_t i = 0; i < m; i++) {
            double x = e->u[j * m + i], v;
            if (j == 0)
                v = sqrt(e->s[0]) * fabs(x);
            else
                v = (pos ? x > 0 : x < 0) ? lbd * fabs(x) / nx : 0.0;
            w[i * k + j] = v < 1e-6 ? 0.0 : v;
        }
        for (size_t c = 0; c < n; c++) {
            double y = e->vt[c * e->p + j], v;
            if (j == 0)
                v = sqrt(e->s[0]) * fabs(y);
            else
                v = (pos ? y > 0 : y < 0) ? lbd * fabs(y) / ny : 0.0;
            ht[c * k + j] = v < 1e-6 ? 0.0 : v;
        }
    }
}

static nt_nmf_options O;

static nt_nmf_state state_for(const dense *d, size_t k, int sparse)
{
    nt_nmf_options_init(&O);
    O.k = k;
    O.threads = 2;
    nt_matrix a = {d->m, d->n, sparse ? d->s : NULL, sparse ? NULL : d->a};
    nt_nmf_state st;
    nt_error err;
    ck_assert_int_eq(nt_nmf_state_create(&st, &a, &O, 0, &err), NT_OK);
    return st;
}

static double max_abs(const double *x, size_t len)
{
    double s = 0;
    for (size_t q = 0; q < len; q++)
        s = fmax(s, fabs(x[q]));
    return s;
}

/* Both factors within tol * (largest entry) of the expected ones. */
static void assert_close(const nt_nmf_state *st, const double *w, const double *ht, double tol)
{
    double sw = max_abs(w, st->m * st->k), sh = max_abs(ht, st->n * st->k);
    for (size_t q = 0; q < st->m * st->k; q++)
        ck_assert_double_eq_tol(st->w[q], w[q], tol * sw);
    for (size_t q = 0; q < st->n * st->k; q++)
        ck_assert_double_eq_tol(st->ht[q], ht[q], tol * sh);
}

/* 50 x 40, spectrum decaying about 2x per term; rank 5 with l = 15: the randomised
 * singular values match LAPACK's to 1e-10 of sigma_1 and the vectors' |cosines| to 1e-10. */
START_TEST(rsvd_matches_exact_svd)
{
    dense d = decaying(50, 40, 40, 0.5, 1);
    exact e = exact_svd(&d);
    nt_nmf_state st = state_for(&d, 5, 1);
    double u[50 * 5], s[5], v[40 * 5];
    ck_assert_int_eq(nt_nmf_rsvd(&st, 5, 9, u, s, v, NULL), NT_OK);
    for (size_t j = 0; j < 5; j++) {
        ck_assert_double_eq_tol(s[j], e.s[j], 1e-10 * e.s[0]);
        double cu = 0, cv = 0;
        for (size_t i = 0; i < 50; i++)
            cu += u[j * 50 + i] * e.u[j * 50 + i];
        for (size_t c = 0; c < 40; c++)
            cv += v[j * 40 + c] * e.vt[c * e.p + j];
        ck_assert_double_ge(fabs(cu), 1 - 1e-10);
        ck_assert_double_ge(fabs(cv), 1 - 1e-10);
        ck_assert_double_ge(cu * cv, 0); /* u_j and v_j flip sign together */
    }
    nt_nmf_state_destroy(&st);
    exact_free(&e);
    dense_free(&d);
}
END_TEST

/* NNDSVD from the randomised SVD equals the definition built from LAPACK's exact SVD to
 * 1e-9 of the largest entry; the definition does not depend on the singular vectors' signs. */
START_TEST(nndsvd_matches_definition)
{
    dense d = decaying(50, 40, 40, 0.5, 2);
    exact e = exact_svd(&d);
    double w[50 * 6], ht[40 * 6];
    expected_nndsvd(&d, &e, 6, w, ht);
    nt_nmf_state st = state_for(&d, 6, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&st, 3, NULL), NT_OK);
    assert_close(&st, w, ht, 1e-9);
    size_t zeros = 0;
    for (size_t q = 0; q < 50 * 6; q++)
        zeros += w[q] == 0.0;
    ck_assert_uint_gt(zeros, 50); /* topics after the first really are one-signed parts */
    nt_nmf_state_destroy(&st);
    exact_free(&e);
    dense_free(&d);
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
    exact e = exact_svd(&d);
    double w[50 * 6], ht[40 * 6], f = 0;
    expected_nndsvd(&d, &e, 6, w, ht);
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
    exact_free(&e);
    dense_free(&d);
}
END_TEST

/* k = min(m, n) (no room to oversample) still matches the definition. */
START_TEST(full_rank_matches_definition)
{
    dense d = decaying(12, 6, 6, 0.5, 8);
    exact e = exact_svd(&d);
    double w[12 * 6], ht[6 * 6];
    expected_nndsvd(&d, &e, 6, w, ht);
    nt_nmf_state st = state_for(&d, 6, 1);
    ck_assert_int_eq(nt_nmf_init_nndsvd(&st, 3, NULL), NT_OK);
    assert_close(&st, w, ht, 1e-9);
    nt_nmf_state_destroy(&st);
    exact_free(&e);
    dense_free(&d);
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
    for (size_t j = 0; j < 20; j++)
        d.a[j * 30 + 3] = 0.0;
    for (size_t i = 0; i < 30; i++)
        d.a[5 * 30 + i] = 0.0;
    nt_sparse_free(&d.s);
    d.s = to_sparse(d.a, 30, 20);
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
    Suite *s = suite_create("nndsvd");
    TCase *core = tcase_create("core"), *edge = tcase_create("edge");
    TCase *errors = tcase_create("errors");
    tcase_add_test(core, rsvd_matches_exact_svd);
    tcase_add_test(core, nndsvd_matches_definition);
    tcase_add_test(core, variants_fill_the_zeros);
    tcase_add_test(core, sparse_and_dense_agree);
    tcase_add_test(core, fit_starts_from_nndsvd);
    tcase_add_test(edge, full_rank_matches_definition);
    tcase_add_test(edge, rank_deficient_input_gives_empty_topics);
    tcase_add_test(edge, zero_row_and_column_give_zero_factors);
    tcase_add_test(errors, rsvd_rank_out_of_range_is_named);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
