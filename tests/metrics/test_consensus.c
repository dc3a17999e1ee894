/* test_consensus.c: consensus, dispersion and cophenetic correlation against hand-worked
 * values, a naive clustering and scipy's output. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/metrics.h"
#include "nt_test.h"
#include "test_metrics.h"

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

START_TEST(cophenetic_of_two_documents_and_of_equal_distances)
{
    double dist[] = {0.4}, r = 0.0;
    ck_assert_int_eq(nt_cophenetic_correlation(dist, 2, &r, NULL), NT_OK);
    ck_assert_double_eq_tol(r, 1.0, TOL);
    /* 0.1 has no exact binary form, so the mean of 276 copies differs from it by rounding;
     * var(d) = 0 must still be recognised (correlating the rounding noise gave 0.29). */
    double same[24 * 23 / 2];
    for (int q = 0; q < 24 * 23 / 2; q++)
        same[q] = 0.1;
    r = 0.0;
    ck_assert_int_eq(nt_cophenetic_correlation(same, 24, &r, NULL), NT_OK);
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

void add_consensus_tests(TCase *core, TCase *edge, TCase *errors)
{
    NT_TEST_ADD(core, cophenetic_of_four_points_by_hand, consensus_of_three_runs_by_hand,
                cophenetic_matches_scipy, cophenetic_matches_naive_upgma,
                consensus_of_tied_runs_matches_scipy);
    NT_TEST_ADD(edge, perfect_consensus_scores_one, consensus_of_one_cluster_and_of_many_runs,
                cophenetic_of_two_documents_and_of_equal_distances);
    NT_TEST_ADD(errors, consensus_refuses_too_many_documents, consensus_rejects_bad_runs,
                cophenetic_rejects_bad_distances);
}
