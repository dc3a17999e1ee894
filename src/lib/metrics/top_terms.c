/* top_terms.c: each topic's best terms from H and each document's dominant topic from W. */
#include "nmftopics/metrics.h"

#include <math.h>

/* The total order used for ranking terms: larger weight first, then lower index, so
 * equal weights never make the ranking depend on the selection algorithm. */
static int better(const double *w, int a, int b)
{
    return w[a] > w[b] || (w[a] == w[b] && a < b);
}

/* Restores the heap below slot i; the heap keeps the worst kept term at its root. */
static void sift_down(int *heap, int size, int i, const double *w)
{
    for (;;) {
        int worst = i, l = 2 * i + 1, r = l + 1;
        if (l < size && better(w, heap[worst], heap[l]))
            worst = l;
        if (r < size && better(w, heap[worst], heap[r]))
            worst = r;
        if (worst == i)
            return;
        int tmp = heap[i];
        heap[i] = heap[worst];
        heap[worst] = tmp;
        i = worst;
    }
}

static void sift_up(int *heap, int i, const double *w)
{
    while (i > 0) {
        int parent = (i - 1) / 2;
        if (!better(w, heap[parent], heap[i]))
            return;
        int tmp = heap[i];
        heap[i] = heap[parent];
        heap[parent] = tmp;
        i = parent;
    }
}

/* Selects the T best of n weights in O(n log T) with a bounded heap, then empties the
 * heap worst-first from the back so out[] ends best first. */
static void select_best(const double *w, int n, int T, int *out)
{
    int size = 0;
    for (int j = 0; j < n; j++) {
        if (size < T) {
            out[size] = j;
            sift_up(out, size++, w);
        } else if (better(w, j, out[0])) {
            out[0] = j;
            sift_down(out, size, 0, w);
        }
    }
    while (size > 1) {
        int worst = out[0];
        out[0] = out[--size];
        out[size] = worst;
        sift_down(out, size, 0, w);
    }
}

static int find_nan(const double *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (isnan(x[i]))
            return 1;
    return 0;
}

int nt_factors_top_terms(const double *H, int k, int n, int T, int *top, nt_error *err)
{
    if (!H || !top || k < 1 || n < 1)
        return nt_error_set(err, NT_EINVAL, "top terms: need a k x n factor with k, n >= 1 "
                            "(got k = %d, n = %d)", k, n);
    if (T < 1 || T > n)
        return nt_error_set(err, NT_EINVAL, "top terms: the number of terms per topic must "
                            "be between 1 and %d, the vocabulary size (got %d)", n, T);
    for (int t = 0; t < k; t++) {
        const double *w = H + (size_t)t * n;
        if (find_nan(w, n))
            return nt_error_set(err, NT_ENUMERIC, "top terms: topic %d has a NaN term weight", t);
        select_best(w, n, T, top + (size_t)t * T);
    }
    return NT_OK;
}

int nt_factors_dominant_topics(const double *W, int m, int k, int *topic, nt_error *err)
{
    if (!W || !topic || m < 1 || k < 1)
        return nt_error_set(err, NT_EINVAL, "dominant topics: need an m x k factor with m, "
                            "k >= 1 (got m = %d, k = %d)", m, k);
    if (find_nan(W, (size_t)m * k))
        return nt_error_set(err, NT_ENUMERIC, "dominant topics: the document weights hold a NaN");
    for (int i = 0; i < m; i++)
        topic[i] = 0;
    /* Topic-major sweep so W is read contiguously; a strict > keeps the lowest index on ties. */
    for (int t = 1; t < k; t++) {
        const double *w = W + (size_t)t * m;
        for (int i = 0; i < m; i++)
            if (w[i] > W[(size_t)topic[i] * m + i])
                topic[i] = t;
    }
    return NT_OK;
}
