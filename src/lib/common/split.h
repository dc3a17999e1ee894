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

#endif
