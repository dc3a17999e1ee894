/* split.c: contiguous column shares of equal entries, by binary search on column pointers,
 * and the share counts and prefix sum of a parallel counting transpose. */
#include "common/split.h"

#include <limits.h>

size_t nt_split_start(const int *p, size_t ncol, int t, int shares)
{
    if (t >= shares)
        return ncol;
    size_t target = (size_t)p[ncol] / (size_t)shares * (size_t)t, lo = 0, hi = ncol;
    while (lo < hi) { /* the first j with p[j] >= target */
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)p[mid] < target)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int nt_split_shares(size_t entries, size_t width, int threads)
{
    size_t per_slot = width > 0 ? entries / width : entries;
    if (per_slot >= (size_t)threads)
        return threads;
    return per_slot > 0 ? (int)per_slot : 1;
}

size_t nt_split_offsets(int *seg, int shares, size_t width, int *ptr)
{
    size_t at = 0;
    for (size_t j = 0; j < width && at <= INT_MAX; j++) {
        ptr[j] = (int)at;
        for (int s = 0; s < shares; s++) {
            size_t c = (size_t)seg[(size_t)s * width + j];
            seg[(size_t)s * width + j] = (int)at;
            at += c;
        }
    }
    ptr[width] = at <= INT_MAX ? (int)at : INT_MAX;
    return at;
}
