/* split.h: cutting the columns of a compressed-column matrix into contiguous shares of
 * (nearly) equal numbers of entries, one per thread. */
#ifndef NT_COMMON_SPLIT_H
#define NT_COMMON_SPLIT_H

#include <stddef.h>

/* The first column of share t of the ncol columns whose entries start at p[0..ncol] (column
 * pointers, non-decreasing, size ncol+1): for t < shares the first j with
 * p[j] >= (p[ncol] / shares) * t, and ncol for t = shares, so share t is the columns
 * [start(t), start(t+1)). Shares hold about p[ncol] / shares entries each (a column is not
 * cut, so a long column makes its share longer); empty shares are possible. */
size_t nt_split_start(const int *p, size_t ncol, int t, int shares);

/* Shares for a parallel counting transpose that spreads `entries` entries over `width`
 * slots (the columns of its result): at most threads, and at most entries / width (at
 * least one), so that the per-share counts (shares x width) stay within the entries and a
 * small input is not spread thin. */
int nt_split_shares(size_t entries, size_t width, int threads);

/* The prefix sum of a counting transpose: turns the per-share counts seg[s * width + j]
 * into where share s starts in slot j (slots in order, shares in order within a slot) and
 * fills ptr (size width+1) with where each slot starts. Returns the total, stopping early
 * once it passes INT_MAX (ptr[width] is then INT_MAX). */
size_t nt_split_offsets(int *seg, int shares, size_t width, int *ptr);

#endif
