/* missing_lists.c: the held-out entries as sorted keys, and the observed entries of a fit
 * with missing = absent grouped by column and by row, built by merging each column of A
 * with the held-out entries of that column. */
#include <stdlib.h>
#include <string.h>

#include "missing.h"

static int compare_keys(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int nt_nmf_holdout_keys(const nt_nmf_state *st, uint64_t **keys, size_t *count, nt_error *err)
{
    const nt_nmf_entry_list *h = st->opts->holdout;
    size_t c = h ? h->count : 0, d = 0;
    *keys = malloc((c ? c : 1) * sizeof **keys);
    if (!*keys)
        return nt_error_set(err, NT_ENOMEM, "out of memory for %zu held-out entries", c);
    for (size_t q = 0; q < c; q++)
        (*keys)[q] = (uint64_t)h->col[q] * st->m + h->row[q];
    qsort(*keys, c, sizeof **keys, compare_keys);
    for (size_t q = 0; q < c; q++)
        if (d == 0 || (*keys)[q] != (*keys)[d - 1])
            (*keys)[d++] = (*keys)[q];
    *count = d;
    return NT_OK;
}

/* The observed entries of column j: A's nonzeros outside the held-out rows
 * held[0..nheld). Writes them to idx/val when these are not NULL; returns how many. */
static size_t column_entries(const cholmod_sparse *a, size_t j, const uint64_t *held,
                             size_t nheld, size_t m, int *idx, double *val)
{
    const int *ap = a->p, *ai = a->i;
    const double *ax = a->x;
    size_t h = 0, out = 0;
    for (int p = ap[j]; p < ap[j + 1]; p++) {
        while (h < nheld && (int)(held[h] % m) < ai[p])
            h++;
        if (ax[p] == 0.0 || (h < nheld && (int)(held[h] % m) == ai[p]))
            continue;
        if (idx) {
            idx[out] = ai[p];
            val[out] = ax[p];
        }
        out++;
    }
    return out;
}

static int entries_alloc(nt_nmf_entries *e, size_t groups, size_t count)
{
    e->groups = groups;
    e->start = calloc(groups + 1, sizeof *e->start);
    e->idx = malloc((count ? count : 1) * sizeof *e->idx);
    e->val = malloc((count ? count : 1) * sizeof *e->val);
    return e->start && e->idx && e->val ? NT_OK : NT_ENOMEM;
}

/* Two passes over the columns: count, then fill. */
static int build_by_col(nt_nmf_observed *obs, const nt_nmf_state *st, const uint64_t *keys,
                        size_t nkeys)
{
    size_t n = st->n, m = st->m, total = 0;
    size_t *first = malloc((n + 1) * sizeof *first); /* keys of column j: [first[j], first[j+1]) */
    if (!first)
        return NT_ENOMEM;
    for (size_t j = 0, q = 0; j <= n; j++) {
        while (q < nkeys && keys[q] / m < j)
            q++;
        first[j] = q;
    }
    for (size_t j = 0; j < n; j++)
        total += column_entries(st->a, j, keys + first[j], first[j + 1] - first[j], m, NULL,
                                NULL);
    int rc = entries_alloc(&obs->by_col, n, total);
    for (size_t j = 0; rc == NT_OK && j < n; j++) {
        size_t s = obs->by_col.start[j];
        obs->by_col.start[j + 1] = s + column_entries(st->a, j, keys + first[j],
                                                      first[j + 1] - first[j], m,
                                                      obs->by_col.idx + s, obs->by_col.val + s);
    }
    free(first);
    return rc;
}

/* The same entries grouped by row, by a counting sort that keeps columns increasing. */
static int build_by_row(nt_nmf_observed *obs, size_t m)
{
    const nt_nmf_entries *c = &obs->by_col;
    size_t total = c->start[c->groups];
    if (entries_alloc(&obs->by_row, m, total) != NT_OK)
        return NT_ENOMEM;
    size_t *next = obs->by_row.start;
    for (size_t q = 0; q < total; q++)
        next[c->idx[q] + 1]++;
    for (size_t r = 0; r < m; r++)
        next[r + 1] += next[r];
    size_t *fill = malloc((m ? m : 1) * sizeof *fill);
    if (!fill)
        return NT_ENOMEM;
    memcpy(fill, next, m * sizeof *fill);
    for (size_t j = 0; j < c->groups; j++)
        for (size_t q = c->start[j]; q < c->start[j + 1]; q++) {
            size_t dst = fill[c->idx[q]]++;
            obs->by_row.idx[dst] = (int)j;
            obs->by_row.val[dst] = c->val[q];
        }
    free(fill);
    return NT_OK;
}

int nt_nmf_observed_build(nt_nmf_observed *obs, const nt_nmf_state *st, nt_error *err)
{
    memset(obs, 0, sizeof *obs);
    uint64_t *keys = NULL;
    size_t nkeys = 0, k = st->k, work = (size_t)st->threads * (k * k + k);
    int rc = nt_nmf_holdout_keys(st, &keys, &nkeys, err);
    if (rc == NT_OK && (build_by_col(obs, st, keys, nkeys) != NT_OK ||
                        build_by_row(obs, st->m) != NT_OK ||
                        !(obs->work = malloc(work * sizeof *obs->work))))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory for the observed entries of a fit "
                                          "with missing values");
    free(keys);
    if (rc != NT_OK)
        return rc;
    size_t count = obs->by_col.start[st->n];
    double s1 = 0.0, s2 = 0.0;
    for (size_t q = 0; q < count; q++) {
        s1 += obs->by_col.val[q];
        s2 += obs->by_col.val[q] * obs->by_col.val[q];
    }
    obs->norm2 = s2;
    obs->mean = s1 / (double)(count ? count : 1);
    if (count == 0)
        return nt_error_set(err, NT_EEMPTY, "no nonzero entry of A (%zu x %zu) is observed: "
                                            "all are held out, nothing is left to fit",
                            st->m, st->n);
    return NT_OK;
}

static void entries_free(nt_nmf_entries *e)
{
    free(e->start);
    free(e->idx);
    free(e->val);
}

void nt_nmf_observed_free(nt_nmf_observed *obs)
{
    if (!obs)
        return;
    entries_free(&obs->by_row);
    entries_free(&obs->by_col);
    free(obs->work);
    memset(obs, 0, sizeof *obs);
}
