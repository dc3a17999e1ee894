/* nmf.h: non-negative matrix factorisation A ~ W H of a sparse or dense non-negative matrix. */
#ifndef NMFTOPICS_NMF_H
#define NMFTOPICS_NMF_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/error.h"
#include "nmftopics/hooks.h"
#include "nmftopics/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Update rules. The Frobenius ones minimise
 *   1/2 ||A - W H||_F^2 + l1_w sum(W) + l2_w/2 ||W||_F^2 + l1_h sum(H) + l2_h/2 ||H||_F^2,
 * kl minimises the generalised Kullback-Leibler divergence
 *   D(A || WH) = sum_ij a_ij log(a_ij / (WH)_ij) - a_ij + (WH)_ij   (0 log 0 = 0). */
enum nt_nmf_algorithm {
    NT_NMF_HALS = 0,  /* accelerated HALS (Gillis & Glineur 2012); the default */
    NT_NMF_MU,        /* multiplicative updates, Frobenius (Lee & Seung 2001; R NMF "lee") */
    NT_NMF_KL,        /* multiplicative updates, KL (Lee & Seung 2001; R NMF "brunet") */
    NT_NMF_ANLS_BPP,  /* alternating NNLS, block principal pivoting (Kim & Park 2011) */
    NT_NMF_SNMF_R,    /* sparse NMF with sparse H (Kim & Park 2007; R NMF "snmf/r") */
    NT_NMF_SNMF_L,    /* sparse NMF with sparse W (Kim & Park 2007; R NMF "snmf/l") */
    NT_NMF_ALGORITHM_COUNT
};

/* How W and H start. */
enum nt_nmf_init {
    NT_NMF_INIT_RANDOM = 0,  /* |N(0,1)| * sqrt(mean(A) / k), seeded (scikit-learn's scale) */
    NT_NMF_INIT_NNDSVD,      /* Boutsidis & Gallopoulos 2008, zeros kept */
    NT_NMF_INIT_NNDSVDA,     /* NNDSVD with zeros set to mean(A) */
    NT_NMF_INIT_NNDSVDAR,    /* NNDSVD with zeros set to small seeded random values */
    NT_NMF_INIT_CUSTOM,      /* init_w and init_h given by the caller */
    NT_NMF_INIT_COUNT
};

/* When a run stops before max_iter. */
enum nt_nmf_stop {
    NT_NMF_STOP_OBJECTIVE = 0,  /* (f_prev - f) / f_prev < tol */
    NT_NMF_STOP_PGRAD           /* ||projected gradient||_F < tol * ||gradient at init||_F (Lin 2007);
                                 * Frobenius algorithms only */
};

/* What an entry of A that is zero (stored as zero or not stored at all) means. */
enum nt_nmf_missing {
    NT_NMF_MISSING_ZERO = 0,  /* a zero, fitted like any other value (the default) */
    NT_NMF_MISSING_ABSENT     /* unknown: the loss counts the nonzero entries only, so the fit
                               * completes the matrix (ratings); hals only */
};

/* A list of entries (row[q], col[q]) of an m x n matrix, 0-based. Views only. */
typedef struct nt_nmf_entry_list {
    size_t count;
    const size_t *row;  /* size count, each < m */
    const size_t *col;  /* size count, each < n */
} nt_nmf_entry_list;

typedef struct nt_nmf_options {
    size_t k;               /* rank, 1 <= k <= min(m, n) (default 10) */
    int algorithm;          /* enum nt_nmf_algorithm (default NT_NMF_HALS) */
    int init;               /* enum nt_nmf_init (default NT_NMF_INIT_NNDSVDA) */
    uint64_t seed;          /* seed of run 0; run r uses seed + r (default 1) */
    int runs;               /* independent runs, the lowest objective is kept (default 1) */
    int max_iter;           /* outer iterations per run (default 200) */
    double tol;             /* threshold of the stopping rule (default 1e-4) */
    int stop;               /* enum nt_nmf_stop (default NT_NMF_STOP_OBJECTIVE) */
    double max_time;        /* seconds per run, 0 = unlimited (default 0) */
    double l1_w, l1_h;      /* L1 penalties, Frobenius algorithms only (default 0) */
    double l2_w, l2_h;      /* L2 penalties, Frobenius algorithms only (default 0) */
    double snmf_beta;       /* snmf-r/-l: adds beta/2 sum_j ||h_j||_1^2 over the sparse factor's
                             * vectors (R NMF beta, default 0.01) */
    double snmf_eta;        /* snmf-r/-l: adds eta^2/2 ||X||_F^2 on the other factor X, as R NMF's
                             * solver does; -1 means max(A), other negative values are
                             * refused (R NMF eta, default -1) */
    int threads;            /* 0 = all cores (default 0) */
    const double *init_w;   /* NT_NMF_INIT_CUSTOM: m x k factor-major, not owned, size m*k */
    const double *init_h;   /* NT_NMF_INIT_CUSTOM: k x n factor-major, not owned, size k*n */
    int record_trace;       /* nonzero: the result keeps the objective after every iteration */
    int missing;            /* enum nt_nmf_missing (default NT_NMF_MISSING_ZERO) */
    const nt_nmf_entry_list *holdout;  /* entries treated as unknown while fitting, whatever
                             * their value (a cross-validation hold-out; duplicates count
                             * once); hals or mu, init random or custom (the default
                             * NNDSVDa is refused: set init to NT_NMF_INIT_RANDOM); not
                             * owned; NULL (default) for none */
    int project_w;          /* nonzero: the result's W is what nt_nmf_result_project makes
                             * it (the weights a transform gives), computed on the fit's own
                             * copy of A; no effect when nt_nmf_result_projects_w(opts) is 0
                             * (default 0: W is the last iterate) */
} nt_nmf_options;

/* Sets every option to its default. */
void nt_nmf_options_init(nt_nmf_options *opts);

/* Checks the options against an m x n input before any work: everything
 * nt_nmf_options_check_settings checks, then k against min(m, n), the custom factors'
 * presence and the hold-out entries against m x n. Returns NT_OK or NT_EINVAL, err naming
 * the option and value. */
int nt_nmf_options_check(const nt_nmf_options *opts, size_t m, size_t n, nt_error *err);

/* Checks what does not depend on the input's size, so that a clash of options (say kl with
 * an L1 penalty) is refused before the input is read: algorithm and init known, runs,
 * max-iter, threads, tol, max-time, the stop rule, the penalties and the combinations the
 * algorithm and missing mode allow. Returns NT_OK or NT_EINVAL, err naming the option. */
int nt_nmf_options_check_settings(const nt_nmf_options *opts, nt_error *err);

/* The outcome of nt_nmf_fit. Factors are "factor-major": topic t's document weights are
 * w[t*m .. t*m+m-1] and its term weights h[t*n .. t*n+n-1].
 *
 * Normalisation: after fitting, each row of H is scaled to sum to 1 and the scale is moved
 * into the matching column of W, so WH is unchanged and W carries the topic mass. A topic
 * whose row of H is all zero stays zero in both factors.
 * All-zero rows of A get all-zero rows of W; all-zero columns of A get all-zero columns of
 * H (exactly, after the first iteration, for every algorithm).
 *
 * With missing = NT_NMF_MISSING_ABSENT or a holdout, only the observed entries enter the
 * loss (the sums of the objective above run over them; see src/lib/nmf/missing.c), and
 * objective and rel_error are taken over them too: rel_error = ||P(A - WH)||_F / ||P(A)||_F
 * with P keeping the observed entries. Rows or columns without an observed entry get zero
 * factors. */
typedef struct nt_nmf_result {
    size_t m, n, k;
    double *w;               /* size m*k, w[t*m + i] */
    double *h;               /* size k*n, h[t*n + j] */
    int iterations;          /* outer iterations of the kept run */
    double objective;        /* final objective of the kept run (the minimised function above) */
    double rel_error;        /* ||A - WH||_F / ||A||_F of the kept run */
    int converged;           /* the stopping rule was met before max_iter and max_time */
    int runs;                /* number of runs made */
    int best_run;            /* 0-based index of the kept run (its seed is seed + best_run) */
    double *run_objectives;  /* size runs: each run's final objective */
    double *trace;           /* size iterations+1 when record_trace, else NULL: trace[0] is the
                              * objective after initialisation, trace[i] after iteration i */
    double seconds;          /* wall-clock time of all runs */
} nt_nmf_result;

/* Factors A (m x n, sparse or dense, finite and non-negative, not all zero) into W H with
 * opts->k topics. Sparse A is never densified. On success *out is a new result the caller
 * frees with nt_nmf_result_free. Progress goes to hooks (phase "nmf", one step per
 * iteration), and so does a warning when a run stops without converging; hooks may be NULL.
 * Errors: NT_EINVAL for bad options or values of A (naming the entry), NT_EEMPTY for an
 * all-zero A, NT_ENOMEM, NT_ENUMERIC when the iteration produces non-finite values.
 * With the same options and thread count the result is bit-identical. */
int nt_nmf_fit(const nt_matrix *a, const nt_nmf_options *opts, const nt_hooks *hooks,
               nt_nmf_result **out, nt_error *err);

/* Frees a result and everything it owns; accepts NULL. */
void nt_nmf_result_free(nt_nmf_result *result);

/* Projects documents onto fixed topics: for each row a_i of A (m x n), the row w_i of W that
 * minimises 1/2 ||a_i - w_i H||^2 + l1_w sum(w_i) + l2_w/2 ||w_i||^2 over w_i >= 0, with H
 * (opts->k x n, factor-major) fixed. Uses opts->k, threads, l1_w and l2_w. Writes W to w
 * (caller-allocated, size m*k, factor-major). */
int nt_nmf_project(const nt_matrix *a, const double *h, const nt_nmf_options *opts, double *w,
                   nt_error *err);

/* Writes (W H)_ij of result to out[q] for each entry (i, j) = (entries->row[q],
 * entries->col[q]): the values a fit with missing entries imputes there, or the prediction
 * of held-out entries. out has size entries->count. NT_EINVAL names the first entry outside
 * the m x n matrix. */
int nt_nmf_predict(const nt_nmf_result *result, const nt_nmf_entry_list *entries, double *out,
                   nt_error *err);

/* ---- The factors a fit reports (final_w.c) -------------------------------------------- */

/* ||A - W H||_F / ||A||_F for factor-major W (m x k) and H (k x n), computed without
 * forming W H, from ||A||^2 - 2 <A, WH> + <W^T W, H H^T> (clamped at 0; accurate to about
 * 1e-8 absolute, so a near-exact fit reads as 0 to that precision). threads: 0 = all cores.
 * Returns NT_OK and *out; NT_EINVAL for values of A that nt_nmf_fit refuses; NT_EEMPTY for
 * an all-zero A; NT_ENOMEM. */
int nt_nmf_rel_error(const nt_matrix *a, const double *w, const double *h, size_t k, int threads,
                     double *out, nt_error *err);

/* 1 when nt_nmf_result_project replaces W for these options: hals, mu and anls-bpp (whose
 * W subproblem is the one nt_nmf_project solves) without missing entries or a hold-out;
 * 0 for kl (another loss), snmf-r and snmf-l (penalties on W that nt_nmf_project does not
 * apply) and missing = NT_NMF_MISSING_ABSENT or a holdout (the loss skips entries). */
int nt_nmf_result_projects_w(const nt_nmf_options *opts);

/* Makes the W of a fit of A the W a transform of A's rows gives: when
 * nt_nmf_result_projects_w(opts), replaces result->w by nt_nmf_project(A, result->h, opts)
 * (each row the exact non-negative least-squares solution against the final H, rather
 * than the last iterate of the fit), then result->rel_error by ||A - WH||_F / ||A||_F and
 * result->objective by the objective with opts' penalties, both of the factors now stored
 * (trace and run_objectives keep the run's values). Without penalties the relative error
 * can only decrease. Otherwise result is left as it is. The pivoting starts from result->w
 * (a warm start); with H of full row rank (or l2_w > 0) the solution is unique, so it
 * equals nt_nmf_project's (cold start) to the solver's tolerance (about 1e-11 relative).
 * A fit with opts->project_w set does the same without copying and transposing A again,
 * and gives the same bits. Costs one NNLS projection and one more sparse product. Returns
 * NT_OK, NT_EINVAL when A or k do not match result, NT_EEMPTY when A is all zero, or an
 * error of nt_nmf_project. */
int nt_nmf_result_project(const nt_matrix *a, const nt_nmf_options *opts,
                          nt_nmf_result *result, nt_error *err);

/* Short names used by the CLI and reports: "hals", "mu", "kl", "anls-bpp", "snmf-r",
 * "snmf-l"; "random", "nndsvd", "nndsvda", "nndsvdar", "custom"; NULL when out of range. */
const char *nt_nmf_algorithm_name(int algorithm);
const char *nt_nmf_init_name(int init);

#ifdef __cplusplus
}
#endif
#endif
