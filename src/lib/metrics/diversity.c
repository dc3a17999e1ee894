/* diversity.c: topic diversity (Dieng, Ruiz & Blei 2020, "Topic Modeling in Embedding
 * Spaces"): the number of distinct terms among the top 25 terms of all k topics, divided
 * by 25 k. Here T is the caller's, so the share is distinct / (k T). */
#include "nmftopics/metrics.h"

#include <stdlib.h>

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int nt_diversity_compute(const int *top, int k, int T, double *diversity, nt_error *err)
{
    if (!top || !diversity || k < 1 || T < 1)
        return nt_error_set(err, NT_EINVAL, "diversity: need k >= 1 topics with T >= 1 top "
                            "terms each (got k = %d, T = %d)", k, T);
    size_t count = (size_t)k * T;
    int *sorted = malloc(count * sizeof *sorted);
    if (!sorted)
        return nt_error_set(err, NT_ENOMEM, "diversity: out of memory for %zu terms", count);
    for (size_t i = 0; i < count; i++)
        sorted[i] = top[i];
    qsort(sorted, count, sizeof *sorted, compare_int);
    size_t distinct = 0;
    for (size_t i = 0; i < count; i++)
        distinct += i == 0 || sorted[i] != sorted[i - 1];
    free(sorted);
    *diversity = (double)distinct / (double)count;
    return NT_OK;
}
