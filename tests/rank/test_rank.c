/* test_rank.c: the rank suite: the speckled hold-out, the weighted held-out error, and a
 * survey of a planted corpus that must recommend its number of topics (the rule itself is
 * tested on hand-made tables in test_rank_rule.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nt_test.h"
#include "rank_fixtures.h"

static int held_at(const nt_holdout *h, size_t q, const cholmod_sparse *a, double *value)
{
    const int *ap = a->p, *ai = a->i;
    const double *ax = a->x;
    *value = 0.0;
    for (int p = ap[h->col[q]]; p < ap[h->col[q] + 1]; p++)
        if ((size_t)ai[p] == h->row[q])
            *value = ax[p];
    return *value != 0.0;
}

/* The same seed gives the same entries, another seed others. Nonzeros come first, then
 * zeros, each group in column-major order without repeats; values are A's. About share of
 * the nonzeros are held out, and about as many zeros (within 5 binomial deviations). */
START_TEST(holdout_is_reproducible_and_balanced)
{
    cholmod_sparse *a = planted_corpus(80, 3, 20, 10, 50, 1);
    size_t nnz = (size_t)((int *)a->p)[a->ncol];
    nt_holdout *h1, *h2, *h3;
    ck_assert_int_eq(nt_holdout_sample(a, 0.1, 1, 42, &h1, NULL), NT_OK);
    ck_assert_int_eq(nt_holdout_sample(a, 0.1, 1, 42, &h2, NULL), NT_OK);
    ck_assert_int_eq(nt_holdout_sample(a, 0.1, 1, 43, &h3, NULL), NT_OK);
    ck_assert_uint_eq(h1->list.count, h2->list.count);
    ck_assert_int_eq(memcmp(h1->row, h2->row, h1->list.count * sizeof *h1->row), 0);
    ck_assert_int_eq(memcmp(h1->col, h2->col, h1->list.count * sizeof *h1->col), 0);
    ck_assert(h3->list.count != h1->list.count ||
              memcmp(h1->row, h3->row, h1->list.count * sizeof *h1->row) != 0);
    double sd = sqrt(0.1 * 0.9 * (double)nnz), zeros = (double)(h1->list.count - h1->nonzeros);
    ck_assert_double_le(fabs((double)h1->nonzeros - 0.1 * (double)nnz), 5 * sd);
    ck_assert_double_le(fabs(zeros - 0.1 * (double)nnz), 5 * sd);
    ck_assert_double_eq_tol(h1->zero_rate, 0.1 * (double)nnz / (80.0 * a->ncol - nnz), 1e-15);
    for (size_t q = 0; q < h1->list.count; q++) {
        double v;
        ck_assert_int_eq(held_at(h1, q, a, &v), q < h1->nonzeros);
        ck_assert_double_eq(h1->value[q], v);
        if (q > 0 && q != h1->nonzeros) {
            size_t key = h1->col[q] * 80 + h1->row[q], prev = h1->col[q - 1] * 80 + h1->row[q - 1];
            ck_assert_uint_gt(key, prev);
        }
    }
    nt_holdout_free(h1);
    nt_holdout_free(h2);
    nt_holdout_free(h3);
    nt_sparse_free(&a);
}
END_TEST

/* The weighted error of a hand-made 2 x 3 fit: W = [1; 2], H = [0.5 1 0] (k = 1), held-out
 * nonzeros (0,0) = 1 and (1,1) = 1 at rate 0.5, held-out zero (0,2)... predicted 0, and
 * (1,2) predicted 0, at rate 0.25:
 *   SSE_nz = (1 - 0.5)^2 + (1 - 2)^2 = 1.25, SS_nz = 2, SSE_zero = 0,
 *   cv = sqrt((1.25 / 0.5 + 0) / (2 / 0.5)) = sqrt(0.625).
 * With H = [0.5 1 1] the zeros predict 1 and 2: SSE_zero = 5, cv = sqrt((2.5 + 20) / 4). */
START_TEST(holdout_error_weights_each_group)
{
    double w[2] = {1.0, 2.0}, h[3] = {0.5, 1.0, 0.0}, value[4] = {1.0, 1.0, 0.0, 0.0};
    size_t row[4] = {0, 1, 0, 1}, col[4] = {0, 1, 2, 2};
    nt_nmf_result r = {0};
    r.m = 2, r.n = 3, r.k = 1, r.w = w, r.h = h;
    nt_holdout ho = {{4, row, col}, row, col, value, 2, 0.5, 0.25};
    double cv;
    ck_assert_int_eq(nt_holdout_error(&ho, &r, &cv, NULL), NT_OK);
    ck_assert_double_eq_tol(cv, sqrt(0.625), 1e-15);
    h[2] = 1.0;
    ck_assert_int_eq(nt_holdout_error(&ho, &r, &cv, NULL), NT_OK);
    ck_assert_double_eq_tol(cv, sqrt(22.5 / 4.0), 1e-15);
}
END_TEST

/* A planted corpus of 4 topics (120 documents, every third one mixing two topics): the
 * survey of k = 2..7 recommends k = 4. */
START_TEST(survey_recommends_planted_k)
{
    cholmod_sparse *a = planted_corpus(120, 4, 25, 20, 80, 3);
    size_t ks[6] = {2, 3, 4, 5, 6, 7};
    nt_rank_options o;
    nt_rank_options_init(&o);
    o.ks = ks;
    o.nk = 6;
    o.runs = 3;
    o.nmf.threads = 1;
    nt_rank_table *t = NULL;
    nt_error err;
    int rc = nt_rank_survey(a, &o, NULL, &t, &err);
    ck_assert_msg(rc == NT_OK, "survey failed: %s", err.message);
    nt_rank_choice c;
    ck_assert_int_eq(nt_rank_recommend(t, &c, &err), NT_OK);
    ck_assert_uint_eq(c.k, 4);
    nt_rank_table_free(t);
    nt_sparse_free(&a);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("rank", &tc);
    NT_TEST_ADD(tc.core, holdout_is_reproducible_and_balanced, holdout_error_weights_each_group,
                survey_recommends_planted_k);
    rank_add_rule_tests(tc.core);
    rank_add_edge_tests(tc.edge);
    rank_add_error_tests(tc.errors);
    return nt_test_main(s);
}
