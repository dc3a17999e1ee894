/* nnls_bpp.h: non-negative least squares for many right-hand sides by block principal pivoting. */
#ifndef NT_NNLS_BPP_H
#define NT_NNLS_BPP_H

#include <stddef.h>

#include "nmftopics/error.h"

/* One batch of problems min_{x_j >= 0} ||C x_j - b_j||_2, j = 0..r-1, given only the normal
 * equations. k x r blocks keep each right-hand side's k values contiguous: entry (t, j)
 * (unknown t of right-hand side j) lives at [j * k + t]. That is the solver state's layout
 * (nmf_internal.h): X can be W (r = m documents, C^T b = rows of A H^T) or H^T (r = n
 * terms, C^T b = rows of A^T W). */
typedef struct nt_nnls_problem {
    size_t k;           /* unknowns per right-hand side, > 0 */
    size_t r;           /* right-hand sides */
    const double *G;    /* C^T C (plus any L2 / ridge terms), column-major, size k*k */
    const double *CtB;  /* C^T b_j, column j at [j*k], size k*r */
    double l1;          /* L1 weight, >= 0: the solver uses CtB - l1 (an L1 penalty) */
} nt_nnls_problem;

/* What a solve did, summed or maxed over all right-hand sides. */
typedef struct nt_nnls_stats {
    int rounds;          /* most pivoting rounds any right-hand side needed */
    size_t unconverged;  /* right-hand sides stopped by the round cap (left feasible) */
    size_t ridged;       /* passive systems that were singular and got a small ridge */
} nt_nnls_stats;

/* Per-thread buffers for right-hand sides of k unknowns; allocated once per fit. */
typedef struct nt_nnls_workspace nt_nnls_workspace;

/* Allocates a workspace for problems with k unknowns solved by `threads` OpenMP threads
 * (>= 1); NULL when out of memory. */
nt_nnls_workspace *nt_nnls_workspace_create(size_t k, int threads);

/* Frees ws; accepts NULL. */
void nt_nnls_workspace_free(nt_nnls_workspace *ws);

/* Solves every right-hand side of p into X (column j at [j*k], size k*r). With warm != 0 the
 * entries of X that are > 0 on entry give the starting passive sets (a warm start);
 * otherwise X's contents on entry are ignored. On return X >= 0 and, up to the relative
 * tolerance documented in nnls_bpp.c, the KKT conditions hold: Y = G X - (CtB - l1) >= 0
 * and X .* Y = 0. Unknowns whose G diagonal is <= 0 are held at 0. Returns NT_OK,
 * NT_EINVAL when p->k differs from the workspace's k, or NT_ENUMERIC when G or CtB holds
 * a non-finite value or a passive system cannot be factored even with a ridge; err says
 * which. It calls no BLAS, so it may run while OpenBLAS keeps its own thread count.
 * stats may be NULL. Results do not depend on the thread count. */
int nt_nnls_bpp_solve(nt_nnls_workspace *ws, const nt_nnls_problem *p, double *X, int warm,
                      nt_nnls_stats *stats, nt_error *err);

#endif
