/* consensus.c: the consensus of restarts (Brunet et al. 2004): C[i][j] = share of runs in
 * which documents i and j have the same dominant topic. Only each run's topic vector is
 * kept; the quantities derived from C are computed from it directly.
 *
 * Dispersion (Kim & Park 2007): rho = (1/m^2) sum_{i,j} 4 (C[i][j] - 1/2)^2, over all
 * ordered pairs including i = j (as R NMF's dispersion() sums the whole matrix). Since
 * 4 (C - 1/2)^2 = 4 C^2 - 4 C + 1, it needs only
 *   sum_{i,j} C    = (1/R) sum_r sum_a n_r(a)^2            (n_r(a): size of topic a in run r)
 *   sum_{i,j} C^2  = (1/R^2) sum_{r,s} sum_{a,b} n_rs(a, b)^2 (n_rs: contingency of runs r, s)
 * because C[i][j] = (1/R) sum_r [same topic in run r]; both are exact integer sums, so
 * rho = 1 + 4 (S2 - R S1) / (R^2 m^2) costs O(R^2 m) time and no m x m memory. */
#include "nmftopics/metrics.h"

#include <stdlib.h>
#include <string.h>

#include "cophenetic.h"

nt_consensus *nt_consensus_create(int m, nt_error *err)
{
    if (m < 1) {
        nt_error_set(err, NT_EINVAL, "consensus: need at least one document (got %d)", m);
        return NULL;
    }
    nt_consensus *c = calloc(1, sizeof *c);
    if (!c)
        nt_error_set(err, NT_ENOMEM, "consensus: out of memory");
    else
        c->m = m;
    return c;
}

void nt_consensus_free(nt_consensus *consensus)
{
    if (!consensus)
        return;
    free(consensus->topics);
    free(consensus->k);
    free(consensus);
}

static int grow(nt_consensus *c, nt_error *err)
{
    int capacity = c->capacity ? 2 * c->capacity : 8;
    int *topics = realloc(c->topics, (size_t)capacity * c->m * sizeof *topics);
    if (topics)
        c->topics = topics;
    int *k = topics ? realloc(c->k, (size_t)capacity * sizeof *k) : NULL;
    if (!k)
        return nt_error_set(err, NT_ENOMEM, "consensus: out of memory for %d runs of %d "
                            "documents", capacity, c->m);
    c->k = k;
    c->capacity = capacity;
    return NT_OK;
}

int nt_consensus_add(nt_consensus *consensus, const int *topic, int k, nt_error *err)
{
    if (!consensus || !topic || k < 1)
        return nt_error_set(err, NT_EINVAL, "consensus: a run needs a topic per document and "
                            "k >= 1 (got k = %d)", k);
    for (int i = 0; i < consensus->m; i++)
        if (topic[i] < 0 || topic[i] >= k)
            return nt_error_set(err, NT_EINVAL, "consensus: document %d has topic %d, outside "
                                "0..%d", i, topic[i], k - 1);
    int rc = consensus->runs == consensus->capacity ? grow(consensus, err) : NT_OK;
    if (rc != NT_OK)
        return rc;
    memcpy(consensus->topics + (size_t)consensus->runs * consensus->m, topic,
           (size_t)consensus->m * sizeof *topic);
    consensus->k[consensus->runs++] = k;
    return NT_OK;
}

double nt_consensus_value(const nt_consensus *consensus, int i, int j)
{
    int together = 0;
    for (int r = 0; r < consensus->runs; r++) {
        const int *t = consensus->topics + (size_t)r * consensus->m;
        together += t[i] == t[j];
    }
    return (double)together / consensus->runs;
}

/* sum_{a,b} n_rs(a, b)^2 for runs r and s, using table (zeroed, k_r * k_s) as scratch
 * and leaving it zeroed again. */
static long long pair_sum(const nt_consensus *c, int r, int s, int *table)
{
    const int *tr = c->topics + (size_t)r * c->m, *ts = c->topics + (size_t)s * c->m;
    long long sum = 0;
    for (int i = 0; i < c->m; i++) {
        int *cell = &table[(size_t)tr[i] * c->k[s] + ts[i]];
        sum += 2LL * *cell + 1; /* (x + 1)^2 - x^2: the square grows as the cell fills */
        ++*cell;
    }
    for (int i = 0; i < c->m; i++)
        table[(size_t)tr[i] * c->k[s] + ts[i]] = 0;
    return sum;
}

int nt_consensus_dispersion(const nt_consensus *consensus, double *dispersion, nt_error *err)
{
    if (!consensus || !dispersion)
        return nt_error_set(err, NT_EINVAL, "dispersion: no consensus or result given");
    if (consensus->runs < 1)
        return nt_error_set(err, NT_EEMPTY, "dispersion: no runs were added to the consensus");
    int kmax = 1;
    for (int r = 0; r < consensus->runs; r++)
        kmax = consensus->k[r] > kmax ? consensus->k[r] : kmax;
    int *table = calloc((size_t)kmax * kmax, sizeof *table);
    if (!table)
        return nt_error_set(err, NT_ENOMEM, "dispersion: out of memory for a %d x %d table",
                            kmax, kmax);
    long long R = consensus->runs, s1 = 0, s2 = 0;
    for (int r = 0; r < consensus->runs; r++) {
        long long diagonal = pair_sum(consensus, r, r, table);
        s1 += diagonal;
        s2 += diagonal;
        for (int s = r + 1; s < consensus->runs; s++)
            s2 += 2 * pair_sum(consensus, r, s, table);
    }
    free(table);
    double m = consensus->m;
    *dispersion = 1.0 + 4.0 * (double)(s2 - R * s1) / ((double)(R * R) * m * m);
    return NT_OK;
}

/* Fills dist (strict lower triangle, m(m-1)/2) with 1 - C[i][j]. */
static void consensus_distances(const nt_consensus *c, double *dist)
{
    size_t pairs = (size_t)c->m * (c->m - 1) / 2;
    memset(dist, 0, pairs * sizeof *dist);
    for (int r = 0; r < c->runs; r++) {
        const int *t = c->topics + (size_t)r * c->m;
        for (int i = 1; i < c->m; i++) {
            double *row = dist + (size_t)i * (i - 1) / 2;
            for (int j = 0; j < i; j++)
                row[j] += t[j] == t[i];
        }
    }
    for (size_t q = 0; q < pairs; q++)
        dist[q] = 1.0 - dist[q] / c->runs;
}

int nt_consensus_cophenetic(const nt_consensus *consensus, double *correlation,
                            nt_error *err)
{
    if (!consensus || !correlation)
        return nt_error_set(err, NT_EINVAL, "cophenetic correlation: no consensus or result given");
    if (consensus->runs < 1)
        return nt_error_set(err, NT_EEMPTY, "cophenetic correlation: no runs were added to "
                            "the consensus");
    int m = consensus->m;
    int rc = nt_cophenetic_check_size(m, err);
    if (rc != NT_OK)
        return rc;
    double *dist = malloc((size_t)m * (m - 1) / 2 * sizeof *dist);
    if (!dist)
        return nt_error_set(err, NT_ENOMEM, "cophenetic correlation: out of memory for the "
                            "%d x %d consensus matrix", m, m);
    consensus_distances(consensus, dist);
    rc = nt_cophenetic_correlation(dist, m, correlation, err);
    free(dist);
    return rc;
}
