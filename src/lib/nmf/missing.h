/* missing.h: fitting with unknown entries (missing = absent, or a hold-out list): the entry
 * lists the weighted updates run over, and the method that uses them. */
#ifndef NT_NMF_MISSING_H
#define NT_NMF_MISSING_H

#include "nmf_internal.h"

/* Entries of A grouped by one index: group r holds the other index idx[q] and the value of
 * A there val[q] for q in [start[r], start[r+1]), in increasing idx order. */
typedef struct nt_nmf_entries {
    size_t groups;  /* m when grouped by row, n when grouped by column */
    size_t *start;  /* size groups+1 */
    int *idx;       /* size start[groups] */
    double *val;    /* size start[groups] */
} nt_nmf_entries;

/* The observed entries O of A, stored as whichever list is shorter to sum over:
 *   complement = 0 (missing absent): the lists hold O itself, the nonzeros of A not held out;
 *   complement = 1 (missing zero with a hold-out): the lists hold the held-out entries M,
 *                  and O is every entry but M. */
typedef struct nt_nmf_observed {
    int complement;
    nt_nmf_entries by_row;  /* grouped by document (m groups) */
    nt_nmf_entries by_col;  /* the same entries grouped by term (n groups) */
    double obs_norm2;       /* sum of a_ij^2 over O */
    double obs_mean;        /* mean of a_ij over O */
    int atw_fresh;          /* complement: st->atw and st->gw belong to the current W */
    double *work;           /* per thread: a k x k Gram matrix and a k-vector; size
                               threads*(k*k+k) */
} nt_nmf_observed;

/* Builds the lists for st->a (sparse), st->opts->missing and st->opts->holdout into obs.
 * NT_EEMPTY when no entry is observed, NT_ENOMEM. On failure obs is left for
 * nt_nmf_observed_free. */
int nt_nmf_observed_build(nt_nmf_observed *obs, const nt_nmf_state *st, nt_error *err);

/* Frees what obs owns; accepts a zeroed or partly built record. */
void nt_nmf_observed_free(nt_nmf_observed *obs);

/* One weighted half-step (missing_solve.c): updates x (st->w for side W, st->ht for H) row
 * by row against the Gram matrix and right-hand side of that row's observed entries. */
void nt_nmf_missing_solve(nt_nmf_state *st, nt_nmf_observed *obs, int side);

/* The method for options that ask for missing values, or NULL when they do not. */
const nt_nmf_method *nt_nmf_missing_method(const nt_nmf_options *opts);

/* The checks of missing and holdout, part of nt_nmf_options_check. */
int nt_nmf_missing_check(const nt_nmf_options *opts, size_t m, size_t n, nt_error *err);

#endif
