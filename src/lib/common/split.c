/* split.c: contiguous column shares of equal entries, by binary search on column pointers. */
#include "common/split.h"

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
