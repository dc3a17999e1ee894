/* missing.h: fitting with unknown entries, by two methods: with missing = absent, weighted
 * HALS over the observed entries (missing_solve.c); with missing = zero and held-out
 * entries, expectation-maximisation around any Frobenius solver (missing_em.c). */
#ifndef NT_NMF_MISSING_H
#define NT_NMF_MISSING_H

#include "nmf_internal.h"

/* The held-out entries of st->opts->holdout as sorted, distinct keys col * m + row
 * (column-major order, the order of A's columns); *keys is freed by the caller. */
int nt_nmf_holdout_keys(const nt_nmf_state *st, uint64_t **keys, size_t *count, nt_error *err);

/* ---- missing = absent: the observed entries and weighted HALS ---- */

/* Entries of A grouped by one index: group r holds the other index idx[q] and the value of
 * A there val[q] for q in [start[r], start[r+1]), in increasing idx order. */
typedef struct nt_nmf_entries {
    size_t groups;  /* m when grouped by row, n when grouped by column */
    size_t *start;  /* size groups+1 */
    int *idx;       /* size start[groups] */
    double *val;    /* size start[groups] */
} nt_nmf_entries;

/* The observed entries O: the nonzeros of A that are not held out. */
typedef struct nt_nmf_observed {
    nt_nmf_entries by_row;  /* grouped by document (m groups) */
    nt_nmf_entries by_col;  /* the same entries grouped by term (n groups) */
    double norm2;           /* sum of a_ij^2 over O */
    double mean;            /* mean of a_ij over O */
    double *work;           /* per thread: a k x k Gram matrix and a k-vector; size
                               threads*(k*k+k) */
} nt_nmf_observed;

/* Builds the lists of O for st->a (sparse) and st->opts->holdout. NT_EEMPTY when nothing
 * is observed, NT_ENOMEM. On failure obs is left for nt_nmf_observed_free. */
int nt_nmf_observed_build(nt_nmf_observed *obs, const nt_nmf_state *st, nt_error *err);

/* Frees what obs owns; accepts a zeroed or partly built record. */
void nt_nmf_observed_free(nt_nmf_observed *obs);

/* One weighted half-step: updates st->w (side W) or st->ht (side H) row by row against the
 * Gram matrix and right-hand side of that row's observed entries. */
void nt_nmf_observed_solve(nt_nmf_state *st, nt_nmf_observed *obs, int side);

/* The weighted method (missing.c) and the EM method (missing_em.c). */
extern const nt_nmf_method nt_nmf_absent_method;
extern const nt_nmf_method nt_nmf_em_method;

/* Rescales a random start (scaled by mean(A), init.c) by the mean of the observed entries,
 * so that it depends on them only and W H starts at their mean. */
void nt_nmf_missing_rescale(nt_nmf_state *st, double observed_mean);

/* ---- dispatch and checks (missing.c) ---- */

/* The method for options that ask for missing values, or NULL when they do not. */
const nt_nmf_method *nt_nmf_missing_method(const nt_nmf_options *opts);

/* The checks of missing and holdout, part of nt_nmf_options_check. */
int nt_nmf_missing_check(const nt_nmf_options *opts, size_t m, size_t n, nt_error *err);

#endif
