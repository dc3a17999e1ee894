/* cophenetic.c: cophenetic correlation of an average-linkage (UPGMA) tree.
 *
 * Brunet et al. 2004 (PNAS 101:4164) judge a consensus matrix C by clustering the
 * distances d = 1 - C with average linkage and correlating (Pearson, over pairs i < j)
 * d with the cophenetic distances c: c(i, j) is the height at which i and j first join.
 *
 * The tree is built with the nearest-neighbour chain (Murtagh 1983; Muellner 2011,
 * "Modern hierarchical, agglomerative clustering algorithms"), exact for average
 * linkage because it is reducible: O(m^2) time, the m(m-1)/2 distances as the only
 * O(m^2) memory. Merging clusters a and b gives, for every other cluster x, the
 * Lance-Williams update d(ab, x) = (|a| d(a, x) + |b| d(b, x)) / (|a| + |b|), i.e. the
 * mean original distance between members. Ties are broken as scipy's nn_chain does (a
 * new chain starts at the lowest live id, the previous chain element wins a tie, then the
 * lowest id; the merged cluster keeps the higher id), so tied consensus values, which
 * are common, give scipy's tree; other tie rules (R's hclust) can move r by a few 0.01.
 *
 * The correlation then needs no cophenetic matrix. A merge of a and b at height h sets
 * c = h for its |a||b| pairs, and h is the mean of their original d, so summing over
 * merges: sum c = sum d, and sum d c = sum |a||b| h^2 = sum c^2. With mu the mean of d,
 * cov(d, c) = var(c), hence
 *     r = var(c) / sqrt(var(c) var(d)) = sqrt(var(c) / var(d)),
 * var(c) = (1/P) sum_merges |a||b| (h - mu)^2 and var(d) = (1/P) sum (d - mu)^2 over the
 * P = m(m-1)/2 pairs. When var(d) = 0 every merge happens at that one distance, c = d
 * exactly, and r is defined as 1 (scipy and R return NaN there). */
#include "nmftopics/metrics.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "cophenetic.h"

typedef struct forest {
    double *dist;  /* d(i, j) for i > j at dist[i(i-1)/2 + j]; size m(m-1)/2 */
    int *size;     /* members of cluster i, 0 once merged away; size m */
    int *chain;    /* the nearest-neighbour chain; size m */
    int m;         /* leaves; cluster ids are 0..m-1 */
} forest;

static double *cell(const forest *f, int i, int j)
{
    return i > j ? &f->dist[(size_t)i * (i - 1) / 2 + j] : &f->dist[(size_t)j * (j - 1) / 2 + i];
}

int nt_cophenetic_check_size(int m, nt_error *err)
{
    if (m < 2)
        return nt_error_set(err, NT_EINVAL, "cophenetic correlation: needs at least 2 "
                            "documents (got %d)", m);
    if (m > NT_CONSENSUS_MAX_DOCUMENTS)
        return nt_error_set(err, NT_EINVAL, "cophenetic correlation: %d documents exceed the "
                            "limit of %d (the consensus matrix takes O(documents^2) memory)",
                            m, NT_CONSENSUS_MAX_DOCUMENTS);
    return NT_OK;
}

/* The nearest live cluster to a: the previous chain element when it is among the
 * nearest (so the chain cannot cycle), else the lowest id among them. */
static int nearest(const forest *f, int a, int prev)
{
    int best = prev;
    double best_d = prev >= 0 ? *cell(f, a, prev) : INFINITY;
    for (int x = 0; x < f->m; x++) {
        if (f->size[x] && x != a && *cell(f, a, x) < best_d) {
            best_d = *cell(f, a, x);
            best = x;
        }
    }
    return best;
}

/* Merges clusters a and b into the higher id and returns the merge height. */
static double merge(forest *f, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;
    double h = *cell(f, lo, hi), s_lo = f->size[lo], s_hi = f->size[hi];
    for (int x = 0; x < f->m; x++)
        if (f->size[x] && x != lo && x != hi)
            *cell(f, hi, x) = (s_lo * *cell(f, lo, x) + s_hi * *cell(f, hi, x)) / (s_lo + s_hi);
    f->size[hi] += f->size[lo];
    f->size[lo] = 0;
    return h;
}

/* Builds the tree and returns sum over merges of |a||b| (h - mu)^2. A fresh chain starts
 * at the lowest live id. */
static double cluster(forest *f, double mu)
{
    double spread = 0.0;
    int top = 0, first = 0;
    for (int merges = 0; merges < f->m - 1; merges++) {
        if (top == 0) {
            while (!f->size[first])
                first++;
            f->chain[top++] = first;
        }
        for (;;) {
            int a = f->chain[top - 1], prev = top > 1 ? f->chain[top - 2] : -1;
            int b = nearest(f, a, prev);
            if (b == prev)
                break;
            f->chain[top++] = b;
        }
        int a = f->chain[top - 1], b = f->chain[top - 2];
        top -= 2;
        double pairs = (double)f->size[a] * f->size[b];
        double h = merge(f, a, b);
        spread += pairs * (h - mu) * (h - mu);
    }
    return spread;
}

/* Mean and sum of squared deviations of the distances, row by row for accuracy;
 * NT_EINVAL on a negative or non-finite distance. */
static int moments(const double *dist, int m, double *mu, double *ss, nt_error *err)
{
    double total = 0.0;
    for (int i = 1; i < m; i++) {
        const double *row = dist + (size_t)i * (i - 1) / 2;
        double sum = 0.0;
        for (int j = 0; j < i; j++) {
            if (!(row[j] >= 0.0 && row[j] < INFINITY))
                return nt_error_set(err, NT_EINVAL, "cophenetic correlation: distance "
                                    "between %d and %d is %g", i, j, row[j]);
            sum += row[j];
        }
        total += sum;
    }
    double pairs = (double)m * (m - 1) / 2, dev = 0.0;
    *mu = total / pairs;
    for (int i = 1; i < m; i++) {
        const double *row = dist + (size_t)i * (i - 1) / 2;
        double sum = 0.0;
        for (int j = 0; j < i; j++)
            sum += (row[j] - *mu) * (row[j] - *mu);
        dev += sum;
    }
    *ss = dev;
    return NT_OK;
}

static int forest_init(forest *f, double *dist, int m, nt_error *err)
{
    f->dist = dist;
    f->m = m;
    f->size = malloc((size_t)m * sizeof *f->size);
    f->chain = malloc((size_t)m * sizeof *f->chain);
    if (!f->size || !f->chain)
        return nt_error_set(err, NT_ENOMEM, "cophenetic correlation: out of memory");
    for (int i = 0; i < m; i++)
        f->size[i] = 1;
    return NT_OK;
}

int nt_cophenetic_correlation(double *dist, int m, double *correlation, nt_error *err)
{
    int rc = nt_cophenetic_check_size(m, err);
    if (rc == NT_OK && (!dist || !correlation))
        rc = nt_error_set(err, NT_EINVAL, "cophenetic correlation: no distances or result given");
    double mu = 0.0, ss = 0.0;
    if (rc == NT_OK)
        rc = moments(dist, m, &mu, &ss, err);
    forest f = {0};
    if (rc == NT_OK)
        rc = forest_init(&f, dist, m, err);
    if (rc == NT_OK) {
        double spread = cluster(&f, mu);
        /* Equal distances leave only rounding noise in ss: treat it as var(d) = 0. */
        double noise = 64 * DBL_EPSILON * mu;
        double r = ss > noise * noise * m * (m - 1) / 2 ? sqrt(spread / ss) : 1.0;
        *correlation = r < 1.0 ? r : 1.0;
    }
    free(f.size);
    free(f.chain);
    return rc;
}
