/* nmf_internal.h: the solver state, product kernels and algorithm hooks shared by src/lib/nmf. */
#ifndef NT_NMF_INTERNAL_H
#define NT_NMF_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <cholmod.h>

#include "nmftopics/nmf.h"

/* Layout. Inside the solver both factors are stored row-major with the k topic weights of a
 * row contiguous ("row-major tall"), unlike the public factor-major contract:
 *   w[i*k + t]   weight of topic t in document i      (W,  m x k)
 *   ht[j*k + t]  weight of term j in topic t           (H transposed, n x k)
 * A row of A then touches contiguous k-vectors of the other factor, so a sparse product reads
 * each factor row once, and W and H^T are updated by the same code with A and A^T swapped.
 * A row-major m x k array is also a column-major k x m one, which is what BLAS is given.
 * The driver converts from and to the public layout at the start and end of a run. */

/* Reductions (sums of squares, objectives) are summed per fixed block of NT_NMF_BLOCK rows and
 * the block sums are added in order, so results do not depend on the thread count. */
#define NT_NMF_BLOCK 256

/* Hot row kernels are compiled for AVX-512, AVX2 and the baseline, and the loader picks one
 * (GCC function multiversioning). Their files allow fused multiply-adds (CMakeLists.txt), so
 * results agree between AVX2 and AVX-512 machines and may differ in the last bits on
 * processors without FMA; on one machine they are always the same. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define NT_NMF_VECTOR_CLONES \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define NT_NMF_VECTOR_CLONES
#endif

/* Loops with less work than this many multiply-adds run on one thread: waking the team
 * costs more than it saves, and a lot more on a machine busy with other work. */
#define NT_NMF_PARALLEL_MIN 100000

/* Which factor a subproblem updates. */
enum nt_nmf_side { NT_NMF_SIDE_W = 0, NT_NMF_SIDE_H = 1 };

/* Penalty on one factor X (rows x k):  l1 sum(X) + l2/2 ||X||_F^2 + l1sq/2 sum_r (sum_t x_rt)^2.
 * The last term is Kim & Park's squared L1 norm per row (snmf), whose Hessian is l1sq * ones.
 * Equivalently the Gram matrix becomes g + l2 I + l1sq 11^T and the right-hand side p - l1. */
typedef struct nt_nmf_penalty {
    double l1;
    double l2;
    double l1sq;
} nt_nmf_penalty;

/* One half-step of a Frobenius algorithm: with the other factor fixed, move x towards
 *   argmin_{x >= 0} sum_r ( 1/2 x_r g x_r^T - p_r x_r^T ) + penalty(x),
 * which is 1/2 ||A - W H||^2 + penalty up to a constant. For side W: x = W, g = H H^T,
 * p = A H^T; for side H: x = H^T, g = W^T W, p = A^T W. */
typedef struct nt_nmf_subproblem {
    int side;             /* enum nt_nmf_side */
    double *x;            /* rows x k row-major, updated in place, size rows*k */
    size_t rows;          /* m for W, n for H */
    const double *g;      /* k x k, symmetric, both triangles filled, size k*k */
    const double *p;      /* rows x k row-major, size rows*k */
    nt_nmf_penalty pen;
    double *gram_out;     /* if not NULL, a solver may store x^T x of its result here (k x k,
                           * both triangles, summed in a thread-count independent order) and
                           * set *gram_done = 1, sparing the driver that Gram matrix */
    int *gram_done;       /* set with gram_out */
} nt_nmf_subproblem;

typedef struct nt_nmf_state nt_nmf_state;

/* Frobenius algorithms (hals, mu, anls-bpp, snmf): update sp->x in place. The driver computes
 * the products and Gram matrices (unless the solver returns the Gram matrix of its result
 * through sp->gram_out); a solver must not call BLAS/LAPACK with more than k-sized
 * problems inside an OpenMP parallel region (OpenBLAS is the pthread build: its own threads
 * would oversubscribe the cores). Returns 0 or a negative nt_status with err filled. */
typedef int (*nt_nmf_solve_fn)(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err);

/* Whole-iteration algorithms (kl): one outer iteration updating st->w and st->ht. */
typedef int (*nt_nmf_iterate_fn)(nt_nmf_state *st, nt_error *err);

/* Objective of the current factors, for algorithms with their own loss (kl). */
typedef double (*nt_nmf_objective_fn)(nt_nmf_state *st);

/* Optional per-run preparation (penalties, method_data) after initialisation, and its undo;
 * cleanup must accept a state whose setup failed or never ran. */
typedef int (*nt_nmf_setup_fn)(nt_nmf_state *st, nt_error *err);
typedef void (*nt_nmf_cleanup_fn)(nt_nmf_state *st);

/* An algorithm: exactly one of solve (Frobenius loss, driven by the shared loop in fit.c)
 * and iterate (own loop body, then objective is required) is set. */
typedef struct nt_nmf_method {
    int algorithm;                 /* enum nt_nmf_algorithm */
    nt_nmf_solve_fn solve;
    nt_nmf_iterate_fn iterate;
    nt_nmf_objective_fn objective;
    nt_nmf_setup_fn setup;         /* may be NULL */
    nt_nmf_cleanup_fn cleanup;     /* may be NULL */
    nt_nmf_objective_fn rel_error; /* may be NULL: ||A - W H||_F / ||A||_F; called before cleanup */
} nt_nmf_method;

/* Initialisation: fill st->w and st->ht (row-major, non-negative, finite) for one run. */
typedef int (*nt_nmf_init_fn)(nt_nmf_state *st, uint64_t seed, nt_error *err);

struct nt_nmf_state {
    const nt_nmf_options *opts;
    size_t m, n, k;
    int threads;                  /* OpenMP threads for parallel loops, >= 1 */
    const cholmod_sparse *a;      /* A (m x n, compressed-column: a column is a term), or NULL */
    cholmod_sparse *at;           /* A^T (n x m): its columns are the rows of A, or NULL */
    const double *dense;          /* A column-major m x n when dense, else NULL */
    cholmod_sparse *a_owned;      /* a sparse copy of dense A made for kl, or NULL */
    size_t nnz;                   /* nonzero entries of A */
    double a_norm2;               /* ||A||_F^2 */
    double a_sum;                 /* sum of all entries */
    double a_max;                 /* largest entry */
    double *w;                    /* W row-major, size m*k */
    double *ht;                   /* H^T row-major, size n*k */
    double *aht;                  /* A H^T, size m*k */
    double *atw;                  /* A^T W, size n*k */
    double *gw;                   /* W^T W, size k*k */
    double *gh;                   /* H H^T, size k*k */
    double *scratch;              /* free for the current hook call, size max(m,n)*k */
    nt_nmf_penalty pen_w;         /* from the options; setup may change them (snmf) */
    nt_nmf_penalty pen_h;
    void *method_data;            /* owned by the method's setup/cleanup */
};

/* ---- state (state.c) ---- */

/* Fills st for input a (checked: finite and non-negative) and allocates every
 * buffer; with need_sparse a dense A is copied into sparse form (algorithms that visit the
 * nonzeros only). On failure st is left for nt_nmf_state_destroy. */
int nt_nmf_state_create(nt_nmf_state *st, const nt_matrix *a, const nt_nmf_options *opts,
                        int need_sparse, nt_error *err);

/* Frees what st owns; accepts a zeroed or partly created state. */
void nt_nmf_state_destroy(nt_nmf_state *st);

/* ---- dispatch (methods.c) ---- */

/* The method of an algorithm, or NULL when it is not built in. */
const nt_nmf_method *nt_nmf_method_find(int algorithm);

/* The initialiser of an init kind, or NULL when it is not built in. */
nt_nmf_init_fn nt_nmf_init_find(int init);

/* ---- products and Gram matrices (products.c); call outside parallel regions ---- */

/* out (m x k) = A y, with y n x k row-major (A H^T when y = st->ht). */
void nt_nmf_mul_a(const nt_nmf_state *st, const double *y, double *out);

/* out (n x k) = A^T x, with x m x k row-major (A^T W when x = st->w). */
void nt_nmf_mul_at(const nt_nmf_state *st, const double *x, double *out);

/* g (k x k, both triangles) = x^T x for x rows x k row-major, through BLAS dsyrk. */
void nt_nmf_gram(const double *x, size_t rows, size_t k, double *g);

/* Sum of x[i] * y[i] over len values, blocked so the result is thread-count independent. */
double nt_nmf_dot(const double *x, const double *y, size_t len, int threads);

/* ---- objectives (objective.c) ---- */

/* 1/2 ||A - W H||_F^2 from <A, WH> = sum(p .* x) (x one factor, rows x k, and p the product
 * of A or A^T with the other, e.g. x = st->ht, p = A^T W, rows = n) and the two
 * Gram matrices, never forming WH: (||A||^2 - 2 <A, WH> + <W^T W, H H^T>) / 2, clamped at 0. */
double nt_nmf_half_sq_error(const nt_nmf_state *st, const double *x, const double *p, size_t rows,
                            const double *gw, const double *gh);

/* The penalty of one factor (see nt_nmf_penalty). */
double nt_nmf_penalty_value(const nt_nmf_state *st, const double *x, size_t rows,
                            const nt_nmf_penalty *pen);

/* Squared Frobenius norm of the gradient of a subproblem's objective at sp->x; with
 * projected, entries at x = 0 count only where the gradient is negative (Lin 2007). */
double nt_nmf_pgrad_sq(const nt_nmf_state *st, const nt_nmf_subproblem *sp, int projected);

/* ---- one run (run.c) ---- */

typedef struct nt_nmf_run_info {
    int iterations;
    double objective;   /* final objective, as minimised (with penalties) */
    double rel_error;   /* ||A - W H||_F / ||A||_F */
    int converged;
    double *trace;      /* caller's buffer of size max_iter+1, or NULL */
    int run;            /* 0-based run index: progress counts run * max_iter + iteration */
    int skip_rel_error; /* nonzero: rel_error is left 0 (the fit replaces W and then
                         * computes it, final_w.c) */
} nt_nmf_run_info;

/* Initialises st->w and st->ht with init(seed) and iterates until a stopping rule holds. */
int nt_nmf_run(nt_nmf_state *st, const nt_nmf_method *method, nt_nmf_init_fn init, uint64_t seed,
               const nt_hooks *hooks, nt_nmf_run_info *info, nt_error *err);

/* ---- the result record (result.c) ---- */

/* A result with factors and run arrays allocated (trace when trace_len > 0); NULL if out of
 * memory. */
nt_nmf_result *nt_nmf_result_new(size_t m, size_t n, size_t k, int runs, int trace_len);

/* Stores run's factors (converted to factor-major) and figures as the kept run. */
void nt_nmf_result_keep(nt_nmf_result *r, const nt_nmf_state *st, const nt_nmf_run_info *info,
                        int run);

/* Scales each row of H to sum 1 and the matching column of W by the same factor. */
void nt_nmf_result_normalise(nt_nmf_result *r);

/* out (factor-major, size rows*k) = x (row-major rows x k), and the reverse. */
void nt_nmf_rows_to_factor(const double *x, size_t rows, size_t k, double *out);
void nt_nmf_factor_to_rows(const double *x, size_t rows, size_t k, double *out);

/* ---- the W a fit reports (project.c, final_w.c); call with OpenBLAS set to st->threads ---- */

/* st->w <- the exact NNLS projection of A's rows onto the H in st->ht with st->pen_w (l1, l2),
 * cold or warm-started from st->w's nonzeros (nnls_bpp.h; both give the unique solution to
 * the solver's tolerance). On return gh = H H^T, aht = A H^T, gw the penalised Gram matrix. */
int nt_nmf_project_w(nt_nmf_state *st, int warm, nt_error *err);

/* nt_nmf_result_project's work on a state made for A (any factors in it are overwritten):
 * res->w becomes the projection onto res->h, warm-started from res->w, and rel_error and
 * objective are those of the stored factors. */
int nt_nmf_final_w(nt_nmf_state *st, nt_nmf_result *res, nt_error *err);

/* ---- built-in algorithms and initialisers ---- */

int nt_nmf_hals_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err);
int nt_nmf_mu_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err);
int nt_nmf_kl_iterate(nt_nmf_state *st, nt_error *err);
double nt_nmf_kl_objective(nt_nmf_state *st);
int nt_nmf_init_random(nt_nmf_state *st, uint64_t seed, nt_error *err);
int nt_nmf_init_custom(nt_nmf_state *st, uint64_t seed, nt_error *err);
/* anls-bpp (anls_bpp.c); snmf-r / snmf-l (snmf.c) set their penalties, then share it. */
int nt_nmf_anls_setup(nt_nmf_state *st, nt_error *err);
void nt_nmf_anls_cleanup(nt_nmf_state *st);
int nt_nmf_anls_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err);
int nt_nmf_snmf_r_setup(nt_nmf_state *st, nt_error *err);
int nt_nmf_snmf_l_setup(nt_nmf_state *st, nt_error *err);
/* NNDSVD and its variants (nndsvd.c). */
int nt_nmf_init_nndsvd(nt_nmf_state *st, uint64_t seed, nt_error *err);
int nt_nmf_init_nndsvda(nt_nmf_state *st, uint64_t seed, nt_error *err);
int nt_nmf_init_nndsvdar(nt_nmf_state *st, uint64_t seed, nt_error *err);

#endif
