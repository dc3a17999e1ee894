/* test_split.c: nt_split_start against its definition found by a linear scan. */
#include <check.h>

#include "common/split.h"
#include "test_split.h"

/* The definition, by scanning: the first j with p[j] >= (p[ncol] / shares) * t. */
static size_t scan_start(const int *p, size_t ncol, int t, int shares)
{
    size_t target = (size_t)p[ncol] / (size_t)shares * (size_t)t, j = 0;
    while (j < ncol && (size_t)p[j] < target)
        j++;
    return j;
}

/* Column lengths 0..9 in a fixed irregular pattern (empty columns included), 1 to 7
 * shares: every start is the scan's, shares tile [0, ncol) in order, and each share holds
 * at most its target plus one column (9 entries). */
START_TEST(split_matches_definition)
{
    enum { NCOL = 101 };
    int p[NCOL + 1] = {0};
    for (size_t j = 0; j < NCOL; j++)
        p[j + 1] = p[j] + (int)((j * 7 + 3) % 10);
    for (int shares = 1; shares <= 7; shares++) {
        ck_assert_uint_eq(nt_split_start(p, NCOL, 0, shares), 0);
        ck_assert_uint_eq(nt_split_start(p, NCOL, shares, shares), NCOL);
        for (int t = 0; t < shares; t++) {
            size_t lo = nt_split_start(p, NCOL, t, shares);
            size_t hi = nt_split_start(p, NCOL, t + 1, shares);
            ck_assert_uint_eq(lo, scan_start(p, NCOL, t, shares));
            ck_assert_uint_le(lo, hi);
            ck_assert_int_le(p[hi] - p[lo], p[NCOL] / shares + 9 + p[NCOL] % shares);
        }
    }
}
END_TEST

/* No entries: every share but the last is empty, the last holds every column. One column
 * holding every entry goes to share 0 whole. */
START_TEST(split_empty_and_single_column)
{
    int none[4] = {0, 0, 0, 0}, one[4] = {0, 50, 50, 50};
    ck_assert_uint_eq(nt_split_start(none, 3, 1, 2), 0);
    ck_assert_uint_eq(nt_split_start(none, 3, 2, 2), 3);
    ck_assert_uint_eq(nt_split_start(one, 3, 1, 2), 1);
    ck_assert_uint_eq(nt_split_start(one, 3, 2, 2), 3);
}
END_TEST

void add_split_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, split_matches_definition);
    NT_TEST_ADD(tc->edge, split_empty_and_single_column);
}
