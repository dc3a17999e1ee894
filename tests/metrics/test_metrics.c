/* test_metrics.c: top terms, dominant topics, coherence, diversity and label agreement
 * against hand-worked values and an exhaustive sort; main() of the metrics suite. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/metrics.h"
#include "nt_test.h"
#include "test_metrics.h"

/* ---- factor summaries -------------------------------------------------------------- */

START_TEST(top_terms_order_by_weight_then_index)
{
    /* topic 0: 0.9 at terms 1 and 3 tie, then 0.5 at 0 and 2 tie; topic 1 ascending. */
    const double H[] = {0.5, 0.9, 0.5, 0.9, 0.1,
                        0.0, 0.1, 0.2, 0.3, 0.4};
    int top[6];
    ck_assert_int_eq(nt_factors_top_terms(H, 2, 5, 3, top, NULL), NT_OK);
    const int want[] = {1, 3, 0, 4, 3, 2};
    for (int i = 0; i < 6; i++)
        ck_assert_int_eq(top[i], want[i]);
}
END_TEST

static const double *sort_weights;

static int by_rank(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (sort_weights[x] != sort_weights[y])
        return sort_weights[x] > sort_weights[y] ? -1 : 1;
    return (x > y) - (x < y);
}

START_TEST(top_terms_match_a_full_sort)
{
    /* Weights from 7 levels so ties abound; the reference sorts every index. */
    enum { K = 4, N = 500, T = 37 };
    static double H[K * N];
    srand(7);
    for (int i = 0; i < K * N; i++)
        H[i] = (rand() % 7) / 7.0;
    int top[K * T], order[N];
    ck_assert_int_eq(nt_factors_top_terms(H, K, N, T, top, NULL), NT_OK);
    for (int t = 0; t < K; t++) {
        for (int j = 0; j < N; j++)
            order[j] = j;
        sort_weights = H + t * N;
        qsort(order, N, sizeof *order, by_rank);
        for (int r = 0; r < T; r++)
            ck_assert_int_eq(top[t * T + r], order[r]);
    }
}
END_TEST

START_TEST(dominant_topic_takes_lowest_index_on_ties)
{
    /* W is 4 documents x 3 topics, factor-major: W[t*4 + i]. */
    const double W[] = {0.2, 0.0, 0.5, 0.0,
                        0.7, 0.0, 0.5, 0.0,
                        0.7, 0.3, 0.1, 0.0};
    int topic[4];
    ck_assert_int_eq(nt_factors_dominant_topics(W, 4, 3, topic, NULL), NT_OK);
    ck_assert_int_eq(topic[0], 1); /* 0.7 in topics 1 and 2 */
    ck_assert_int_eq(topic[1], 2);
    ck_assert_int_eq(topic[2], 0); /* 0.5 in topics 0 and 1 */
    ck_assert_int_eq(topic[3], 0); /* all zero */
}
END_TEST

/* ---- coherence ----------------------------------------------------------------------- */

/* 4 documents x 6 terms, built as CHOLMOD fields without calling CHOLMOD:
 *   doc 0: t0 t1       t4 t5
 *   doc 1: t0 t1 t2    t4 t5
 *   doc 2:       t2    t4 t5
 *   doc 3: t0    t3    t4 t5   plus an explicit zero at t1 (not an occurrence)
 * so D(t0) = 3, D(t1) = 2, D(t2) = 2, D(t3) = 1, D(t4) = D(t5) = 4. */
static int Ap[] = {0, 3, 6, 8, 9, 13, 17};
static int Ai[] = {0, 1, 3, 0, 1, 3, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
static double Ax[] = {1, 2, 1, 1, 1, 0, 3, 1, 2, 1, 1, 1, 1, 2, 2, 2, 2};

static cholmod_sparse hand_matrix(void)
{
    cholmod_sparse A;
    memset(&A, 0, sizeof A);
    A.nrow = 4;
    A.ncol = 6;
    A.nzmax = 17;
    A.p = Ap;
    A.i = Ai;
    A.x = Ax;
    A.itype = CHOLMOD_INT;
    A.xtype = CHOLMOD_REAL;
    A.dtype = CHOLMOD_DOUBLE;
    A.sorted = 1;
    A.packed = 1;
    return A;
}

START_TEST(coherence_of_a_hand_built_case)
{
    cholmod_sparse A = hand_matrix();
    const int top[] = {0, 1, 2, 2, 3, 0, 4, 5, 0};
    nt_coherence *c = nt_coherence_compute(&A, top, 3, 3, NULL);
    ck_assert_ptr_nonnull(c);
    /* Topic 0 {t0, t1, t2}: D(0,1) = 2, D(0,2) = 1, D(1,2) = 1 of N = 4.
     *   NPMI(0,1) = log((2/4) / (3/4 * 2/4)) / -log(2/4) = log(4/3) / log 2
     *   NPMI(0,2) = log((1/4) / (3/4 * 2/4)) / -log(1/4) = log(2/3) / log 4
     *   NPMI(1,2) = log((1/4) / (2/4 * 2/4)) / log 4     = 0
     *   UMass = log((2+1)/D(t0)) + log((1+1)/D(t0)) + log((1+1)/D(t1)) = log(2/3). */
    ck_assert_double_eq_tol(c->npmi[0], (log(4.0 / 3) / log(2) + log(2.0 / 3) / log(4)) / 3, TOL);
    ck_assert_double_eq_tol(c->umass[0], log(2.0 / 3), TOL);
    /* Topic 1 {t2, t3, t0}: t2, t3 never meet (-1); D(2,0) = 1; D(3,0) = 1 with D(t3) = 1:
     *   NPMI(3,0) = log((1/4) / (1/4 * 3/4)) / log 4 = log(4/3) / log 4, so the mean is
     *   (-1 + log(2/3)/log 4 + log(4/3)/log 4) / 3 = (-1 + log(8/9)/log 4) / 3.
     *   UMass conditions on the better term: log(1/D(t2)) + log(2/D(t2)) + log(2/D(t3))
     *   = log(1/2) + 0 + log 2 = 0 (the reversed conditioning would give log(4/9)). */
    ck_assert_double_eq_tol(c->npmi[1], (-1 + log(8.0 / 9) / log(4)) / 3, TOL);
    ck_assert_double_eq_tol(c->umass[1], 0.0, TOL);
    /* Topic 2 {t4, t5, t0}: t4 and t5 are in every document (NPMI defined 0), and t0 is
     * independent of both (PMI 0). UMass = log(5/4) + log(4/4) + log(4/4). */
    ck_assert_double_eq_tol(c->npmi[2], 0.0, TOL);
    ck_assert_double_eq_tol(c->umass[2], log(5.0 / 4), TOL);
    ck_assert_double_eq_tol(c->npmi_mean, (c->npmi[0] + c->npmi[1] + c->npmi[2]) / 3, TOL);
    ck_assert_double_eq_tol(c->umass_mean, (log(2.0 / 3) + log(5.0 / 4)) / 3, TOL);
    nt_coherence_free(c);
}
END_TEST

START_TEST(coherence_of_a_term_in_no_document)
{
    /* Column 1 holds only an explicit zero once its other entries are zeroed too. */
    cholmod_sparse A = hand_matrix();
    double x[17];
    memcpy(x, Ax, sizeof x);
    x[3] = x[4] = 0.0;
    A.x = x;
    const int top[] = {0, 1};
    nt_coherence *c = nt_coherence_compute(&A, top, 1, 2, NULL);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(c->npmi[0], -1.0, TOL);
    ck_assert_double_eq_tol(c->umass[0], log(1.0 / 3), TOL); /* (0 + 1) / D(t0) */
    nt_coherence_free(c);
}
END_TEST

/* ---- diversity ----------------------------------------------------------------------- */

START_TEST(diversity_counts_distinct_terms)
{
    const int top[] = {0, 1, 2, 2, 3, 4};
    double d = 0.0;
    ck_assert_int_eq(nt_diversity_compute(top, 2, 3, &d, NULL), NT_OK);
    ck_assert_double_eq_tol(d, 5.0 / 6, TOL);
    const int same[] = {7, 8, 8, 7};
    ck_assert_int_eq(nt_diversity_compute(same, 2, 2, &d, NULL), NT_OK);
    ck_assert_double_eq_tol(d, 0.5, TOL);
}
END_TEST

/* ---- agreement ----------------------------------------------------------------------- */

START_TEST(agreement_of_a_hand_computed_table)
{
    /* Contingency (topics x labels) of the 10 labelled documents:
     *             label 0  1  2   n(q)
     *   topic 0:        3  1  0    4
     *   topic 1:        0  2  1    3
     *   topic 2:        1  0  2    3
     * purity  = (3 + 2 + 2) / 10 = 0.7
     * entropy = [3 log2(4/3) + log2 4 + 2 (2 log2(3/2) + log2 3)] / (10 log2 3)
     *         = 0.55237190142858306, also what R prints for
     *   library(NMF); x <- factor(c(0,0,0,0,1,1,1,2,2,2)); y <- factor(c(0,0,0,1,1,1,2,0,2,2))
     *   purity(x, y); entropy(x, y)
     * nmi     = MI / H with both margins (4, 3, 3), so H = -(0.4 ln 0.4 + 0.6 ln 0.3) and
     *   MI = 0.3 ln(30/16) + 0.1 ln(10/12) + 0.2 ln(20/9) + 0.1 ln(10/9) + 0.1 ln(10/12)
     *      + 0.2 ln(20/9); sklearn agrees:
     *   /usr/bin/python3 -c "from sklearn.metrics import normalized_mutual_info_score as f;
     *     print(repr(f([0,0,0,1,1,1,2,0,2,2], [0,0,0,0,1,1,1,2,2,2])))"
     *   -> 0.44270128334605013
     * Two unlabelled documents (one in a topic of its own) must change nothing. */
    const int topic[] = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 5};
    const int label[] = {0, 0, 0, 1, 1, 1, 2, 0, 2, 2, -1, -1};
    nt_agreement a;
    ck_assert_int_eq(nt_agreement_compute(topic, label, 12, &a, NULL), NT_OK);
    ck_assert_int_eq(a.documents, 10);
    ck_assert_int_eq(a.topics, 3);
    ck_assert_int_eq(a.classes, 3);
    ck_assert_double_eq_tol(a.purity, 0.7, TOL);
    ck_assert_double_eq_tol(a.entropy, 0.55237190142858306, TOL);
    double mi = 0.3 * log(30.0 / 16) + 0.2 * log(10.0 / 12) + 0.4 * log(20.0 / 9) +
                0.1 * log(10.0 / 9);
    double h = -(0.4 * log(0.4) + 0.6 * log(0.3));
    ck_assert_double_eq_tol(a.nmi, mi / h, TOL);
    ck_assert_double_eq_tol(a.nmi, 0.44270128334605013, TOL);
}
END_TEST


START_TEST(agreement_limit_cases)
{
    /* One class: purity 1, entropy 0 (R: NaN), NMI 0 (sklearn: MI = 0 with two topics). */
    const int two[] = {0, 1, 0, 1}, one[] = {0, 0, 0, 0}, cls[] = {3, 3, 3, -1};
    nt_agreement a;
    ck_assert_int_eq(nt_agreement_compute(two, cls, 4, &a, NULL), NT_OK);
    ck_assert_int_eq(a.documents, 3);
    ck_assert_int_eq(a.classes, 1);
    ck_assert_double_eq_tol(a.purity, 1.0, TOL);
    ck_assert_double_eq_tol(a.entropy, 0.0, TOL);
    ck_assert_double_eq_tol(a.nmi, 0.0, TOL);
    /* One topic and one class: sklearn's perfect match, NMI 1. */
    ck_assert_int_eq(nt_agreement_compute(one, cls, 4, &a, NULL), NT_OK);
    ck_assert_double_eq_tol(a.nmi, 1.0, TOL);
    /* Topics independent of labels: NMI 0, entropy 1, purity 1/2. */
    const int lab[] = {0, 0, 1, 1}, top[] = {0, 1, 0, 1};
    ck_assert_int_eq(nt_agreement_compute(top, lab, 4, &a, NULL), NT_OK);
    ck_assert_double_eq_tol(a.nmi, 0.0, TOL);
    ck_assert_double_eq_tol(a.entropy, 1.0, TOL);
    ck_assert_double_eq_tol(a.purity, 0.5, TOL);
    /* Topics equal to labels, renamed: all perfect. */
    const int ren[] = {1, 1, 0, 0};
    ck_assert_int_eq(nt_agreement_compute(ren, lab, 4, &a, NULL), NT_OK);
    ck_assert_double_eq_tol(a.nmi, 1.0, TOL);
    ck_assert_double_eq_tol(a.entropy, 0.0, TOL);
    ck_assert_double_eq_tol(a.purity, 1.0, TOL);
}
END_TEST

/* ---- edge cases of the factor summaries, and bad input ----------------------------- */

START_TEST(top_terms_of_the_whole_vocabulary)
{
    const double H[] = {0.0, 0.0, 0.0, 2.0};
    int top[4];
    ck_assert_int_eq(nt_factors_top_terms(H, 1, 4, 4, top, NULL), NT_OK);
    const int want[] = {3, 0, 1, 2};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(top[i], want[i]);
}
END_TEST

START_TEST(coherence_rejects_bad_input)
{
    cholmod_sparse A = hand_matrix();
    nt_error err;
    const int out_of_range[] = {0, 6}, twice[] = {2, 1, 2};
    ck_assert_ptr_null(nt_coherence_compute(&A, out_of_range, 1, 2, &err));
    ck_assert_str_eq(err.message, "coherence: term index 6 is not a column of the 6-term matrix");
    ck_assert_ptr_null(nt_coherence_compute(&A, twice, 1, 3, &err));
    ck_assert_str_eq(err.message, "coherence: topic 0 lists term 2 twice among its top terms");
    ck_assert_ptr_null(nt_coherence_compute(&A, twice, 1, 1, &err));
    ck_assert_int_eq(err.status, NT_EINVAL);
    ck_assert_ptr_null(nt_coherence_compute(NULL, twice, 1, 2, &err));
    ck_assert_int_eq(err.status, NT_EINVAL);
    A.sorted = 0;
    ck_assert_ptr_null(nt_coherence_compute(&A, twice, 1, 2, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "sorted"));
    A.sorted = 1;
    A.itype = CHOLMOD_LONG;
    ck_assert_ptr_null(nt_coherence_compute(&A, twice, 1, 2, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "int indices"));
    nt_coherence_free(NULL);
}
END_TEST

START_TEST(agreement_and_diversity_reject_bad_input)
{
    nt_error err;
    nt_agreement a;
    const int topic[] = {0, 1, -1}, label[] = {-1, -1, -1}, bad[] = {0, -2, 1}, ok[] = {0, 1, 1};
    ck_assert_int_eq(nt_agreement_compute(ok, label, 3, &a, &err), NT_EEMPTY);
    ck_assert_str_eq(err.message, "agreement: none of the 3 documents has a label");
    ck_assert_int_eq(nt_agreement_compute(ok, bad, 3, &a, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "document 1 has label -2"));
    ck_assert_int_eq(nt_agreement_compute(topic, ok, 3, &a, &err), NT_EINVAL);
    ck_assert_str_eq(err.message, "agreement: document 2 has topic -1");
    double d = -1.0;
    ck_assert_int_eq(nt_diversity_compute(ok, 0, 3, &d, &err), NT_EINVAL);
    ck_assert_double_eq(d, -1.0);
}
END_TEST

START_TEST(factor_summaries_reject_bad_input)
{
    nt_error err;
    const double H[] = {0.1, NAN, 0.3, 0.2};
    int out[4];
    ck_assert_int_eq(nt_factors_top_terms(H, 2, 2, 3, out, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "between 1 and 2"));
    ck_assert_int_eq(nt_factors_top_terms(H, 2, 2, 1, out, &err), NT_ENUMERIC);
    ck_assert_str_eq(err.message, "top terms: topic 0 has a NaN term weight");
    ck_assert_int_eq(nt_factors_dominant_topics(H, 2, 2, out, &err), NT_ENUMERIC);
    ck_assert_int_eq(nt_factors_dominant_topics(H, 0, 2, out, &err), NT_EINVAL);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("metrics", &tc);
    NT_TEST_ADD(tc.core, top_terms_order_by_weight_then_index, top_terms_match_a_full_sort,
                dominant_topic_takes_lowest_index_on_ties, coherence_of_a_hand_built_case,
                diversity_counts_distinct_terms, agreement_of_a_hand_computed_table);
    NT_TEST_ADD(tc.edge, coherence_of_a_term_in_no_document, agreement_limit_cases,
                top_terms_of_the_whole_vocabulary);
    NT_TEST_ADD(tc.errors, coherence_rejects_bad_input, agreement_and_diversity_reject_bad_input,
                factor_summaries_reject_bad_input);
    add_consensus_tests(tc.core, tc.edge, tc.errors);
    return nt_test_main(s);
}
