/* test_metrics.c: coherence, diversity, label agreement and consensus against hand-worked
 * values, an exhaustive sort, a naive clustering and scipy's output. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/metrics.h"

#define TOL 1e-12 /* hand-worked values: only rounding separates them from ours */

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

/* ---- consensus and cophenetic correlation -------------------------------------------- */

START_TEST(cophenetic_of_four_points_by_hand)
{
    /* d(0,1) = .1, d(2,3) = .2, d(0,2) = .6, d(0,3) = .8, d(1,2) = .7, d(1,3) = .9.
     * UPGMA joins {0,1} at .1 and {2,3} at .2, then the two at mean(.6,.8,.7,.9) = .75.
     * Over the pairs (01, 02, 03, 12, 13, 23), with mean .55 for both vectors:
     *   d - .55 = (-.45, .05, .25, .15, .35, -.35)  sum of squares .535
     *   c - .55 = (-.45, .2, .2, .2, .2, -.35)      sum of squares .485
     *   cross products sum to .2025 + .2 (.05 + .25 + .15 + .35) + .1225 = .485
     * so r = .485 / sqrt(.535 * .485) = sqrt(.485 / .535). */
    double dist[] = {0.1, 0.6, 0.7, 0.8, 0.9, 0.2}; /* (1,0) (2,0) (2,1) (3,0) (3,1) (3,2) */
    double r = 0.0;
    ck_assert_int_eq(nt_cophenetic_correlation(dist, 4, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r, sqrt(0.485 / 0.535), TOL);
}
END_TEST

START_TEST(consensus_of_three_runs_by_hand)
{
    /* Runs [0 0 1 1], [0 0 1 1], [0 1 1 1]: C01 = 2/3, C12 = C13 = 1/3, C23 = 1, C02 =
     * C03 = 0. Distances in 18ths: 01: 6, 02: 18, 03: 18, 12: 12, 13: 12, 23: 0 (mean 11).
     * UPGMA: {2,3} at 0, {0,1} at 6, both at (18 + 12) / 2 = 15, so c = (6, 15, 15, 15, 15, 0).
     * Deviations from 11: d (-5, 7, 7, 1, 1, -11) -> 246, c (-5, 4, 4, 4, 4, -11) -> 210,
     * so r = sqrt(210 / 246) = sqrt(35 / 41).
     * Dispersion: 4 (C - 1/2)^2 is 1/9 at 2/3 and 1/3, 1 at 0 and 1; the 12 ordered
     * off-diagonal pairs give 2 (3 + 1/3), the diagonal 4, so (20/3 + 4) / 16 = 2/3. */
    const int runs[3][4] = {{0, 0, 1, 1}, {0, 0, 1, 1}, {0, 1, 1, 1}};
    nt_consensus *c = nt_consensus_create(4, NULL);
    ck_assert_ptr_nonnull(c);
    for (int r = 0; r < 3; r++)
        ck_assert_int_eq(nt_consensus_add(c, runs[r], 2, NULL), NT_OK);
    ck_assert_double_eq_tol(nt_consensus_value(c, 0, 1), 2.0 / 3, TOL);
    ck_assert_double_eq_tol(nt_consensus_value(c, 3, 1), 1.0 / 3, TOL);
    ck_assert_double_eq_tol(nt_consensus_value(c, 2, 2), 1.0, TOL);
    double rho = 0.0, disp = 0.0;
    ck_assert_int_eq(nt_consensus_cophenetic(c, &rho, NULL), NT_OK);
    ck_assert_double_eq_tol(rho, sqrt(35.0 / 41), TOL);
    ck_assert_int_eq(nt_consensus_dispersion(c, &disp, NULL), NT_OK);
    ck_assert_double_eq_tol(disp, 2.0 / 3, TOL);
    nt_consensus_free(c);
}
END_TEST

/* Reads a fixture from scripts/make_metrics_fixture.py into packed distances 1 - C. */
static double *read_fixture(const char *name, int *m, double *expected)
{
    char path[512];
    snprintf(path, sizeof path, "%s/metrics/%s", NT_TEST_DATA_DIR, name);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    ck_assert_int_eq(fscanf(fp, "%d %lf", m, expected), 2);
    double *dist = malloc((size_t)*m * (*m - 1) / 2 * sizeof *dist);
    for (int i = 0; i < *m; i++)
        for (int j = 0; j < *m; j++) {
            double cij;
            ck_assert_int_eq(fscanf(fp, "%lf", &cij), 1);
            if (j < i)
                dist[i * (i - 1) / 2 + j] = 1.0 - cij;
        }
    fclose(fp);
    return dist;
}

START_TEST(cophenetic_matches_scipy)
{
    /* Same tree and same sums as scipy up to rounding: tolerance 1e-10. */
    const char *names[] = {"cophenetic_blocks.txt", "cophenetic_uniform.txt"};
    for (int f = 0; f < 2; f++) {
        int m = 0;
        double expected = 0.0, r = 0.0;
        double *dist = read_fixture(names[f], &m, &expected);
        ck_assert_int_eq(m, 30);
        ck_assert_int_eq(nt_cophenetic_correlation(dist, m, &r, NULL), NT_OK);
        ck_assert_double_eq_tol(r, expected, 1e-10);
        free(dist);
    }
}
END_TEST

START_TEST(consensus_of_tied_runs_matches_scipy)
{
    /* 6 noisy runs over 60 documents: C is in multiples of 1/6 with many ties, and the
     * fixture's value moves by ~0.01 under a reordering of the documents, so this checks
     * that ties are broken as scipy does. Dispersion is numpy's mean of 4 (C - 1/2)^2.
     * Tolerance 1e-10 (rounding only). */
    char path[512];
    snprintf(path, sizeof path, "%s/metrics/cophenetic_runs.txt", NT_TEST_DATA_DIR);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    int m = 0, runs = 0;
    double want_r = 0.0, want_disp = 0.0, r = 0.0, disp = 0.0;
    ck_assert_int_eq(fscanf(fp, "%d %d %lf %lf", &m, &runs, &want_r, &want_disp), 4);
    ck_assert_int_eq(m, 60);
    nt_consensus *c = nt_consensus_create(m, NULL);
    int topic[60];
    for (int run = 0; run < runs; run++) {
        for (int i = 0; i < m; i++)
            ck_assert_int_eq(fscanf(fp, "%d", &topic[i]), 1);
        ck_assert_int_eq(nt_consensus_add(c, topic, 4, NULL), NT_OK);
    }
    fclose(fp);
    ck_assert_int_eq(nt_consensus_cophenetic(c, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r, want_r, 1e-10);
    ck_assert_int_eq(nt_consensus_dispersion(c, &disp, NULL), NT_OK);
    ck_assert_double_eq_tol(disp, want_disp, 1e-10);
    nt_consensus_free(c);
}
END_TEST

/* The textbook O(m^3) UPGMA on a full matrix, recording every pair's cophenetic
 * distance, then the Pearson correlation written out directly. */
static double naive_cophenetic(const double *d0, int m)
{
    double *d = malloc(sizeof *d * m * m), *coph = malloc(sizeof *coph * m * m);
    int *owner = malloc(sizeof *owner * m), *size = malloc(sizeof *size * m);
    memcpy(d, d0, sizeof *d * m * m);
    for (int i = 0; i < m; i++) {
        owner[i] = i;
        size[i] = 1;
    }
    for (int step = 0; step < m - 1; step++) {
        int a = -1, b = -1;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < i; j++)
                if (size[i] && size[j] && (a < 0 || d[i * m + j] < d[a * m + b])) {
                    a = i;
                    b = j;
                }
        double h = d[a * m + b];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                if (owner[i] == a && owner[j] == b)
                    coph[i * m + j] = coph[j * m + i] = h;
        for (int x = 0; x < m; x++)
            d[b * m + x] = d[x * m + b] =
                (size[a] * d[a * m + x] + size[b] * d[b * m + x]) / (size[a] + size[b]);
        size[b] += size[a];
        size[a] = 0;
        for (int i = 0; i < m; i++)
            owner[i] = owner[i] == a ? b : owner[i];
    }
    double sd = 0, sc = 0, sdd = 0, scc = 0, sdc = 0, P = m * (m - 1) / 2.0;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < i; j++) {
            double x = d0[i * m + j], y = coph[i * m + j];
            sd += x, sc += y, sdd += x * x, scc += y * y, sdc += x * y;
        }
    double cov = sdc / P - sd / P * sc / P;
    double r = cov / sqrt((sdd / P - sd / P * sd / P) * (scc / P - sc / P * sc / P));
    free(d), free(coph), free(owner), free(size);
    return r;
}

START_TEST(cophenetic_matches_naive_upgma)
{
    /* 150 points on a line with noise: continuous distances, so no ties. Tolerance 1e-9
     * covers the naive one-pass variance formula. */
    enum { M = 150 };
    static double full[M * M], packed[M * (M - 1) / 2];
    double pos[M];
    srand(11);
    for (int i = 0; i < M; i++)
        pos[i] = (i % 5) * 10.0 + rand() / (double)RAND_MAX;
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++)
            full[i * M + j] = fabs(pos[i] - pos[j]) + (i != j) * 0.01 * ((i * 31 + j * 17) % 13);
    for (int i = 0; i < M; i++)
        for (int j = 0; j < i; j++)
            full[j * M + i] = full[i * M + j];
    for (int i = 1; i < M; i++)
        for (int j = 0; j < i; j++)
            packed[i * (i - 1) / 2 + j] = full[i * M + j];
    double r = 0.0;
    ck_assert_int_eq(nt_cophenetic_correlation(packed, M, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r, naive_cophenetic(full, M), 1e-9);
}
END_TEST

START_TEST(perfect_consensus_scores_one)
{
    /* Every run splits the documents the same way (with other topic numbers): C is 0/1,
     * so every 4 (C - 1/2)^2 is 1 and the tree reproduces 1 - C exactly. */
    const int a[] = {0, 0, 1, 1, 2, 2, 2}, b[] = {2, 2, 0, 0, 1, 1, 1};
    nt_consensus *c = nt_consensus_create(7, NULL);
    ck_assert_int_eq(nt_consensus_add(c, a, 3, NULL), NT_OK);
    ck_assert_int_eq(nt_consensus_add(c, b, 4, NULL), NT_OK); /* k may differ per run */
    double rho = 0.0, disp = 0.0;
    ck_assert_int_eq(nt_consensus_dispersion(c, &disp, NULL), NT_OK);
    ck_assert_double_eq_tol(disp, 1.0, TOL);
    ck_assert_int_eq(nt_consensus_cophenetic(c, &rho, NULL), NT_OK);
    ck_assert_double_eq_tol(rho, 1.0, TOL);
    nt_consensus_free(c);
}
END_TEST

START_TEST(consensus_of_one_cluster_and_of_many_runs)
{
    /* One topic for all: all distances 0, the correlation is defined as 1. */
    const int same[] = {0, 0, 0};
    nt_consensus *c = nt_consensus_create(3, NULL);
    ck_assert_int_eq(nt_consensus_add(c, same, 1, NULL), NT_OK);
    double rho = 0.0, disp = 0.0;
    ck_assert_int_eq(nt_consensus_cophenetic(c, &rho, NULL), NT_OK);
    ck_assert_double_eq_tol(rho, 1.0, TOL);
    nt_consensus_free(c);
    /* 20 runs (past the first growth of the run table) of 2 documents that share a
     * topic in runs 0, 3, 6, ...: C01 = 7/20, dispersion = (2 + 2 * 4 (7/20 - 1/2)^2) / 4. */
    c = nt_consensus_create(2, NULL);
    for (int r = 0; r < 20; r++) {
        int t[2] = {0, r % 3 == 0 ? 0 : 1};
        ck_assert_int_eq(nt_consensus_add(c, t, 2, NULL), NT_OK);
    }
    ck_assert_int_eq(c->runs, 20);
    ck_assert_double_eq_tol(nt_consensus_value(c, 1, 0), 7.0 / 20, TOL);
    ck_assert_int_eq(nt_consensus_dispersion(c, &disp, NULL), NT_OK);
    ck_assert_double_eq_tol(disp, (2 + 8 * 0.15 * 0.15) / 4, TOL);
    ck_assert_int_eq(nt_consensus_cophenetic(c, &rho, NULL), NT_OK);
    ck_assert_double_eq_tol(rho, 1.0, TOL); /* a single pair: var(d) = 0 */
    nt_consensus_free(c);
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

START_TEST(cophenetic_of_two_documents)
{
    double dist[] = {0.4}, r = 0.0;
    ck_assert_int_eq(nt_cophenetic_correlation(dist, 2, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r, 1.0, TOL);
}
END_TEST

START_TEST(consensus_refuses_too_many_documents)
{
    enum { M = NT_CONSENSUS_MAX_DOCUMENTS + 1 };
    int *t = calloc(M, sizeof *t);
    nt_consensus *c = nt_consensus_create(M, NULL);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(nt_consensus_add(c, t, 1, NULL), NT_OK);
    nt_error err;
    double rho = -2.0, disp = 0.0;
    ck_assert_int_eq(nt_consensus_cophenetic(c, &rho, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "20001 documents exceed the limit of 20000"));
    ck_assert_double_eq(rho, -2.0); /* untouched */
    ck_assert_int_eq(nt_cophenetic_correlation(NULL, M, &rho, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "limit of 20000"));
    /* Dispersion needs no m x m memory and still works. */
    ck_assert_int_eq(nt_consensus_dispersion(c, &disp, NULL), NT_OK);
    ck_assert_double_eq_tol(disp, 1.0, TOL);
    nt_consensus_free(c);
    free(t);
}
END_TEST

START_TEST(consensus_rejects_bad_runs)
{
    nt_error err;
    double v = 0.0;
    ck_assert_ptr_null(nt_consensus_create(0, &err));
    ck_assert_int_eq(err.status, NT_EINVAL);
    nt_consensus *c = nt_consensus_create(3, NULL);
    ck_assert_int_eq(nt_consensus_dispersion(c, &v, &err), NT_EEMPTY);
    ck_assert_int_eq(nt_consensus_cophenetic(c, &v, &err), NT_EEMPTY);
    const int bad[] = {0, 2, 1};
    ck_assert_int_eq(nt_consensus_add(c, bad, 2, &err), NT_EINVAL);
    ck_assert_str_eq(err.message, "consensus: document 1 has topic 2, outside 0..1");
    ck_assert_int_eq(c->runs, 0);
    nt_consensus_free(c);
    nt_consensus_free(NULL);
}
END_TEST

START_TEST(cophenetic_rejects_bad_distances)
{
    nt_error err;
    double r = 0.0, negative[] = {0.5, -0.1, 0.2}, nan_dist[] = {0.5, 0.1, NAN};
    ck_assert_int_eq(nt_cophenetic_correlation(negative, 3, &r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "between 2 and 0 is -0.1"));
    ck_assert_int_eq(nt_cophenetic_correlation(nan_dist, 3, &r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "between 2 and 1"));
    ck_assert_int_eq(nt_cophenetic_correlation(negative, 1, &r, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "at least 2 documents"));
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
    Suite *s = suite_create("metrics");
    TCase *core = tcase_create("core");
    tcase_add_test(core, top_terms_order_by_weight_then_index);
    tcase_add_test(core, top_terms_match_a_full_sort);
    tcase_add_test(core, dominant_topic_takes_lowest_index_on_ties);
    tcase_add_test(core, coherence_of_a_hand_built_case);
    tcase_add_test(core, diversity_counts_distinct_terms);
    tcase_add_test(core, agreement_of_a_hand_computed_table);
    tcase_add_test(core, cophenetic_of_four_points_by_hand);
    tcase_add_test(core, consensus_of_three_runs_by_hand);
    tcase_add_test(core, cophenetic_matches_scipy);
    tcase_add_test(core, cophenetic_matches_naive_upgma);
    tcase_add_test(core, consensus_of_tied_runs_matches_scipy);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, coherence_of_a_term_in_no_document);
    tcase_add_test(edge, perfect_consensus_scores_one);
    tcase_add_test(edge, consensus_of_one_cluster_and_of_many_runs);
    tcase_add_test(edge, agreement_limit_cases);
    tcase_add_test(edge, top_terms_of_the_whole_vocabulary);
    tcase_add_test(edge, cophenetic_of_two_documents);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, consensus_refuses_too_many_documents);
    tcase_add_test(errors, consensus_rejects_bad_runs);
    tcase_add_test(errors, cophenetic_rejects_bad_distances);
    tcase_add_test(errors, coherence_rejects_bad_input);
    tcase_add_test(errors, agreement_and_diversity_reject_bad_input);
    tcase_add_test(errors, factor_summaries_reject_bad_input);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
