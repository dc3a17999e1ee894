/* nnls_passive.h: the block buffers of the NNLS solver and its grouped passive-set solves. */
#ifndef NT_NNLS_PASSIVE_H
#define NT_NNLS_PASSIVE_H

#include <stddef.h>
#include <stdint.h>

#include "nnls_bpp.h"

#define NT_NNLS_CHUNK 128  /* right-hand sides per independent block */

struct nt_nnls_key {
    uint64_t hash;  /* hash of the passive-set pattern */
    int col;        /* column within the block */
};

/* One thread's buffers; every k x CHUNK block is column-major, a column per rhs. */
struct nt_nnls_block {
    double *B, *X, *Y, *R;     /* rhs, solution, gradient, group rhs: size k*CHUNK each */
    double *Gp;                /* G restricted to a passive set: size k*k */
    double *bmax;              /* max_i |c_ij| per column: size CHUNK */
    unsigned char *F;          /* passive-set flags: size k*CHUNK */
    int *alpha, *best, *todo;  /* backup-rule state and work list: size CHUNK each */
    int *pidx;                 /* indices of one passive set: size k */
    struct nt_nnls_key *keys;  /* size CHUNK */
};

/* The problem, shared read-only, plus the block of columns one thread works on. */
struct nt_nnls_chunk {
    const nt_nnls_problem *p;
    const unsigned char *dead;
    double gmax;   /* max_i G_ii */
    size_t j0;     /* first column */
    int c;         /* columns in this block */
    int k;         /* unknowns per column */
    struct nt_nnls_block *b;
    size_t ridged; /* passive systems that needed a ridge */
};

/* Sets x and y = G x - c of the listed block columns from their passive sets F: solves
 * G_FF x_F = c_F once per distinct passive set. NT_ENUMERIC when G_FF stays indefinite
 * with every ridge. */
int nt_nnls_solve_columns(struct nt_nnls_chunk *ch, const int *cols, int ncols);

#endif
