/* test_rank_rule.c: the recommendation rule on hand-made tables, and its reasons. */
#include <math.h>
#include <string.h>

#include "rank_fixtures.h"
#include "nt_test.h"

static nt_rank_choice choose(size_t nk, const size_t *ks, const double *cv, const double *coph,
                             int runs)
{
    nt_rank_table *t = table_of(nk, ks, cv, coph, runs);
    nt_rank_choice c;
    nt_error err;
    ck_assert_int_eq(nt_rank_recommend(t, &c, &err), NT_OK);
    nt_rank_table_free(t);
    return c;
}

static void assert_says(const nt_rank_choice *c, const char *needle)
{
    ck_assert_msg(strstr(c->reason, needle), "reason '%s' lacks '%s'", c->reason, needle);
}

/* One k clearly lowest (the next is 2% above): chosen by cross-validation alone, whatever
 * the cophenetic correlations say. */
START_TEST(clear_minimum_decides)
{
    size_t ks[4] = {2, 3, 4, 5};
    double cv[4] = {0.80, 0.70, 0.714, 0.75}, coph[4] = {1.0, 0.90, 0.99, 0.95};
    nt_rank_choice c = choose(4, ks, cv, coph, 5);
    ck_assert_uint_eq(c.k, 3);
    ck_assert_uint_eq(c.row, 1);
    ck_assert_int_eq(c.basis, NT_RANK_BY_CV);
    ck_assert_int_eq(c.at_edge, 0);
    assert_says(&c, "k = 3 has the lowest cross-validated error (0.7); no other k is within "
                    "1% of it.");
}
END_TEST

/* k = 4, 5, 6 within 1% of the lowest (at 6): the most stable of them, 5, is chosen; k = 3
 * is more stable but 1.5% worse, so it does not count. */
START_TEST(ties_go_to_the_most_stable)
{
    size_t ks[5] = {3, 4, 5, 6, 7};
    double cv[5] = {0.7105, 0.7049, 0.7020, 0.7000, 0.7080};
    double coph[5] = {0.999, 0.90, 0.97, 0.95, 0.99};
    nt_rank_choice c = choose(5, ks, cv, coph, 5);
    ck_assert_uint_eq(c.k, 5);
    ck_assert_int_eq(c.basis, NT_RANK_BY_COPHENETIC);
    assert_says(&c, "k = 4, 5 and 6 have cross-validated errors within 1% of the lowest (0.7 at "
                    "k = 6)");
    assert_says(&c, "k = 5 is the smallest with the most stable clustering over 5 runs "
                    "(cophenetic correlation 0.9700");
}
END_TEST

/* Cophenetic correlations within 0.01 of the highest are equally stable: the smallest such
 * k wins (0.992 at k = 4 against 0.999 at k = 6). */
START_TEST(equally_stable_ties_go_to_the_smallest)
{
    size_t ks[3] = {4, 5, 6};
    double cv[3] = {0.700, 0.701, 0.699}, coph[3] = {0.992, 0.95, 0.999};
    nt_rank_choice c = choose(3, ks, cv, coph, 3);
    ck_assert_uint_eq(c.k, 4);
    ck_assert_int_eq(c.basis, NT_RANK_BY_COPHENETIC);
}
END_TEST

/* Without a consensus (one run, NaN cophenetic) ties go to the smallest k. */
START_TEST(ties_without_consensus_go_to_the_smallest)
{
    size_t ks[3] = {2, 4, 8};
    double cv[3] = {0.705, 0.70, 0.703}, coph[3] = {NAN, NAN, NAN};
    nt_rank_choice c = choose(3, ks, cv, coph, 1);
    ck_assert_uint_eq(c.k, 2);
    ck_assert_int_eq(c.basis, NT_RANK_BY_PARSIMONY);
    assert_says(&c, "without a consensus (fewer than 2 runs) the smallest, k = 2, is taken.");
}
END_TEST

/* The lowest error at the largest k tried, or at the smallest (above 1), is flagged. A NaN
 * error (a row that could not be scored) never wins. */
START_TEST(minimum_at_an_edge_is_flagged)
{
    size_t ks[3] = {2, 3, 4};
    double falling[3] = {0.9, 0.8, 0.7}, rising[3] = {0.7, 0.8, NAN}, coph[3] = {1, 1, 1};
    nt_rank_choice c = choose(3, ks, falling, coph, 5);
    ck_assert_uint_eq(c.k, 4);
    ck_assert_int_eq(c.at_edge, 1);
    assert_says(&c, "The error is lowest at the largest k tried: a larger k may fit better.");
    c = choose(3, ks, rising, coph, 5);
    ck_assert_uint_eq(c.k, 2);
    ck_assert_int_eq(c.at_edge, -1);
    assert_says(&c, "lowest at the smallest k tried: a smaller k may fit better.");
    size_t one[2] = {1, 2};
    c = choose(2, one, rising, coph, 5);
    ck_assert_int_eq(c.at_edge, 0);
}
END_TEST

/* No row, or no finite error: NT_EINVAL. */
START_TEST(nothing_to_recommend_from)
{
    size_t ks[2] = {2, 3};
    double cv[2] = {NAN, NAN}, coph[2] = {1, 1};
    nt_rank_table *t = table_of(2, ks, cv, coph, 5);
    nt_rank_choice c;
    nt_error err;
    ck_assert_int_eq(nt_rank_recommend(t, &c, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "no k with a cross-validated error"));
    t->nk = 0;
    ck_assert_int_eq(nt_rank_recommend(t, &c, &err), NT_EINVAL);
    nt_rank_table_free(t);
}
END_TEST

void rank_add_rule_tests(TCase *tc)
{
    NT_TEST_ADD(tc, clear_minimum_decides, ties_go_to_the_most_stable,
                equally_stable_ties_go_to_the_smallest, ties_without_consensus_go_to_the_smallest,
                minimum_at_an_edge_is_flagged, nothing_to_recommend_from);
}
