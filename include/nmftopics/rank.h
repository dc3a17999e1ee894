/* rank.h: choosing the number of topics k: a survey of candidate ranks on one matrix
 * (fit error, cross-validated error on held-out entries, stability over restarts,
 * coherence, diversity) and a recommendation that says which evidence decided it. */
#ifndef NMFTOPICS_RANK_H
#define NMFTOPICS_RANK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cholmod.h>

#include "nmftopics/error.h"
#include "nmftopics/hooks.h"
#include "nmftopics/nmf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The speckled hold-out of cross-validation ---------------------------------------- */

/* Entries of A held out of a fit and their values. Which entries (Wold's element-wise
 * cross-validation, as RcppML's crossValidate masks a random speckle of entries):
 *   - each nonzero of A independently with probability nonzero_rate;
 *   - and as many zeros as that in expectation, drawn uniformly without replacement from
 *     the zeros of A (zero_rate = their share of all zeros; at most nonzero_rate).
 * Zeros are held out too because predicting them is half of the job: a model that puts
 * mass everywhere must pay for it, and keeping every zero observed would pull the
 * held-out nonzeros towards zero. Holding out every zero at the nonzero rate, as RcppML
 * does, would cost a fraction of the whole m x n matrix (a text matrix is >99% zeros);
 * sampling them at a lower rate and weighting them back (nt_holdout_error) estimates the
 * same error at the cost of twice the held-out nonzeros. Entries are listed nonzeros
 * first, each group in column-major order. */
typedef struct nt_holdout {
    nt_nmf_entry_list list;  /* the entries, for nt_nmf_options.holdout; views row and col */
    size_t *row;             /* size list.count */
    size_t *col;             /* size list.count */
    double *value;           /* A's value at each entry, size list.count */
    size_t nonzeros;         /* entries 0 .. nonzeros-1 are nonzeros of A, the rest zeros */
    double nonzero_rate;     /* probability that a nonzero is held out */
    double zero_rate;        /* share of A's zeros held out (0 when zeros are not sampled) */
} nt_holdout;

/* Draws the hold-out of A (m x n, CHOLMOD int/real, packed, sorted) with nonzero rate
 * share in (0, 0.5] from seed; with sample_zeros 0 only nonzeros are held out (for
 * NT_NMF_MISSING_ABSENT, where zeros are not data). The same A, share and seed give the
 * same entries. NT_EINVAL for a share out of range, NT_EEMPTY when no nonzero is drawn
 * (too few nonzeros for the share), NT_ENOMEM. Free with nt_holdout_free. */
int nt_holdout_sample(const cholmod_sparse *A, double share, int sample_zeros, uint64_t seed,
                      nt_holdout **out, nt_error *err);

void nt_holdout_free(nt_holdout *holdout);

/* The relative error of a fit on the held-out entries, each group weighted by its inverse
 * sampling rate (Horvitz-Thompson), so that it estimates the error over all entries:
 *   cv = sqrt((SSE_nz / nonzero_rate + SSE_zero / zero_rate) / (SS_nz / nonzero_rate)),
 * SSE_nz = sum over held-out nonzeros of (a_ij - (WH)_ij)^2, SS_nz = sum of their a_ij^2,
 * SSE_zero = sum over held-out zeros of (WH)_ij^2. On the scale of rel_error. */
int nt_holdout_error(const nt_holdout *holdout, const nt_nmf_result *result, double *cv,
                     nt_error *err);

/* ---- The survey ------------------------------------------------------------------------ */

typedef struct nt_rank_options {
    nt_nmf_options nmf;        /* the fits' options; k, runs, seed and holdout are set per fit */
    const size_t *ks;          /* candidate ranks, increasing, 1 <= k <= min(m, n); not owned */
    size_t nk;                 /* number of candidates, >= 1 */
    int runs;                  /* restarts per k, seeds nmf.seed, nmf.seed + 1, ..., and as
                                  many cross-validation fits (default 5) */
    double holdout;            /* nonzero rate of the hold-out, in (0, 0.5] (default 0.05) */
    int top_terms;             /* top terms per topic scored by NPMI, >= 2 (default 10) */
    size_t consensus_docs;     /* consensus over at most this many documents, a seeded sample
                                  when there are more; <= NT_CONSENSUS_MAX_DOCUMENTS
                                  (default 5000) */
} nt_rank_options;

/* Defaults above, with nt_nmf_options_init for nmf but init random; ks NULL. */
void nt_rank_options_init(nt_rank_options *opts);

/* Checks the options against an m x n matrix before any work: err names the option and
 * value (a k above min(m, n) names both). */
int nt_rank_options_check(const nt_rank_options *opts, size_t m, size_t n, nt_error *err);

/* Checks what does not depend on the matrix, before it is built: runs, hold-out share,
 * top-terms, consensus-docs, and the NMF options the fits allow (the cross-validation fits
 * need hals or mu and a random start; nt_nmf_options_check_settings). Returns NT_OK or
 * NT_EINVAL, err naming the option and value. */
int nt_rank_options_check_settings(const nt_rank_options *opts, nt_error *err);

/* The evidence for one k. */
typedef struct nt_rank_row {
    size_t k;
    double rel_error;    /* ||A - WH||_F / ||A||_F of the best of the runs */
    double cv_error;     /* nt_holdout_error of the best (lowest objective) of runs fits
                            without the hold-out (seeds nmf.seed, nmf.seed + 1, ...) */
    double cophenetic;   /* cophenetic correlation of the consensus over the runs; NaN with
                            fewer than 2 runs */
    double dispersion;   /* dispersion of the same consensus; NaN with fewer than 2 runs */
    double npmi;         /* mean NPMI of the best run's topics over their top_terms terms */
    double diversity;    /* topic diversity of the best run, top 25 terms (or all n) */
    int unconverged;     /* fits of this k (of 2 runs) that stopped at max_iter or max_time */
    double seconds;      /* wall-clock time of this k */
} nt_rank_row;

typedef struct nt_rank_table {
    size_t documents, terms;    /* m, n */
    int runs;                   /* fits per k for the consensus */
    size_t consensus_docs;      /* documents the consensus is taken over */
    size_t heldout_nonzeros;    /* held-out entries that are nonzeros of A */
    size_t heldout_zeros;       /* held-out entries that are zeros of A */
    double holdout;             /* the nonzero rate */
    size_t nk;
    nt_rank_row *rows;          /* size nk, in the order of opts->ks */
} nt_rank_table;

/* Surveys every candidate k on A (documents x terms, CHOLMOD int/real, packed, sorted).
 * The hold-out is drawn once (seed nmf.seed) and shared by every k, and so is the
 * document sample of the consensus, so that the rows compare like with like. Progress
 * goes to hooks as phase "rank", one step per k; a summary warning counts fits that did
 * not converge. Errors of nt_rank_options_check and nt_nmf_fit. Free with
 * nt_rank_table_free. */
int nt_rank_survey(const cholmod_sparse *A, const nt_rank_options *opts, const nt_hooks *hooks,
                   nt_rank_table **out, nt_error *err);

void nt_rank_table_free(nt_rank_table *table);

/* ---- The recommendation ---------------------------------------------------------------- */

/* Cross-validated errors within this share of the lowest one count as ties: one hold-out
 * does not separate closer values. */
#define NT_RANK_CV_TIE 0.01

/* Cophenetic correlations within this of the highest count as equally stable. */
#define NT_RANK_COPHENETIC_TIE 0.01

enum nt_rank_basis {
    NT_RANK_BY_CV = 0,          /* the only k within NT_RANK_CV_TIE of the lowest cv_error */
    NT_RANK_BY_COPHENETIC = 1,  /* several tie on cv_error: the most stable consensus (the
                                   smallest k among equally stable ones) */
    NT_RANK_BY_PARSIMONY = 2    /* several tie and there is no consensus: the smallest k */
};

typedef struct nt_rank_choice {
    size_t k;          /* the recommended rank */
    size_t row;        /* its row in the table */
    int basis;         /* enum nt_rank_basis */
    int at_edge;       /* -1: lowest cv_error at the smallest k tried (above 1), 1: at the
                          largest k tried, 0 otherwise; the range may not hold the best k */
    char reason[640];  /* one or two sentences saying which evidence decided */
} nt_rank_choice;

/* The rule: take the k with the lowest cross-validated error; when other k are within
 * NT_RANK_CV_TIE of it, take among them the most stable clustering over restarts (Brunet et
 * al. 2004): the smallest k whose cophenetic correlation is within NT_RANK_COPHENETIC_TIE
 * of the highest among them; without a consensus (runs < 2) the smallest of them.
 * Coherence and diversity are reported for judging the topics but do not vote. NT_EINVAL
 * for an empty table or one without a finite cv_error. */
int nt_rank_recommend(const nt_rank_table *table, nt_rank_choice *out, nt_error *err);

/* ---- Output ---------------------------------------------------------------------------- */

/* An aligned table, one line per k, the recommended row marked with '*', then the reason.
 * choice may be NULL. Returns NT_OK or NT_EIO. */
int nt_rank_write_text(FILE *fp, const nt_rank_table *table, const nt_rank_choice *choice,
                       nt_error *err);

/* Tab-separated with a header line: k rel_error cv_error cophenetic dispersion npmi
 * diversity unconverged seconds recommended (1 on the chosen row); NaN as "NA". */
int nt_rank_write_tsv(FILE *fp, const nt_rank_table *table, const nt_rank_choice *choice,
                      nt_error *err);

/* A JSON object: the survey settings, "rows" (one object per k, NaN as null) and
 * "recommendation" {k, basis, reason} when choice is not NULL. */
int nt_rank_write_json(FILE *fp, const nt_rank_table *table, const nt_rank_choice *choice,
                       nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
