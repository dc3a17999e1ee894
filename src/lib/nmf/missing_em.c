/* missing_em.c: held-out entries of a matrix whose zeros are data, by expectation-
 * maximisation around the hals or mu solver.
 *
 * Update rule. The loss counts every entry but the held-out set M:
 *   f(W, H) = 1/2 sum over (i, j) not in M of (a_ij - (W H)_ij)^2.
 * Filling the held-out entries with the current model, X = A off M and X = W H on M, gives
 *   g(W') = 1/2 ||X - W' H||_F^2 = f(W', H) + 1/2 sum_M ((W H)_ij - (W' H)_ij)^2 >= f(W', H),
 * with equality at W' = W. A half-step of the solver on the complete matrix X never
 * increases g, so f(W_new, H) <= g(W_new) <= g(W) = f(W, H): the masked loss never
 * increases (majorisation-minimisation; the EM algorithm for NMF with missing entries of
 * S. Zhang, W. Wang, J. Ford and F. Makedon, "Learning from incomplete ratings using
 * non-negative matrix factorization", SIAM SDM 2006). X is refilled before each half-step,
 * at |M| k per refill on top of a plain iteration, and keeps the held-out zeros of A as
 * stored entries. With a small share held out (cross-validation) this converges about as
 * fast as the plain fit; with most entries unknown it would crawl, which is why
 * missing = absent has its own method (missing_solve.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "missing.h"

typedef struct em_data {
    cholmod_sparse *x;        /* A with every held-out entry stored (m x n) */
    cholmod_sparse *xt;       /* its transpose */
    size_t count;             /* held-out entries */
    uint64_t *keys;           /* each as col * m + row, sorted, size count */
    size_t *pos;              /* position of each in x->x, size count */
    size_t *pos_t;            /* position of each in xt->x, size count */
    double *fill;             /* the values filled in, size count */
    double *next;             /* room for the next fill, size count */
    double obs_norm2;         /* sum of a_ij^2 off M */
    double obs_mean;          /* mean of a_ij off M */
    int filled;               /* fill holds (W H) on M for the current W and H */
    int surrogate;            /* st->atw, st->gw were formed from X before the last refill */
    const cholmod_sparse *a;  /* the state's A, A^T, ||A||^2 and nnz, restored by cleanup */
    cholmod_sparse *at;
    double a_norm2;
    size_t nnz;
} em_data;

/* Counts (pass with x NULL) or writes the union of A's pattern and the held-out keys of
 * column j, recording where each held-out entry lands. Returns the entries of column j. */
static size_t merge_column(const cholmod_sparse *a, size_t j, const uint64_t *held,
                           size_t nheld, size_t m, cholmod_sparse *x, size_t out, size_t *pos)
{
    const int *ap = a->p, *ai = a->i;
    const double *ax = a->x;
    int p = ap[j], end = ap[j + 1];
    size_t h = 0, start = out;
    while (p < end || h < nheld) {
        int hr = h < nheld ? (int)(held[h] % m) : (int)m;
        int take_a = p < end && ai[p] <= hr, take_h = h < nheld && hr <= (p < end ? ai[p] : hr);
        if (x) {
            ((int *)x->i)[out] = take_a ? ai[p] : hr;
            ((double *)x->x)[out] = take_a ? ax[p] : 0.0;
            if (take_h)
                pos[h] = out;
        }
        out++;
        p += take_a;
        h += take_h;
    }
    return out - start;
}

/* X, X^T and the positions of the held-out entries in both. */
static int build_x(em_data *em, const nt_nmf_state *st, const uint64_t *keys)
{
    size_t m = st->m, n = st->n, total = 0, *first = malloc((n + 1) * sizeof *first);
    if (!first)
        return NT_ENOMEM;
    for (size_t j = 0, q = 0; j <= n; j++) {
        while (q < em->count && keys[q] / m < j)
            q++;
        first[j] = q;
    }
    for (size_t j = 0; j < n; j++)
        total += merge_column(st->a, j, keys + first[j], first[j + 1] - first[j], m, NULL, 0,
                              NULL);
    em->x = nt_sparse_allocate(m, n, total);
    int rc = em->x ? NT_OK : NT_ENOMEM;
    for (size_t j = 0, out = 0; rc == NT_OK && j < n; j++) {
        ((int *)em->x->p)[j] = (int)out;
        out += merge_column(st->a, j, keys + first[j], first[j + 1] - first[j], m, em->x, out,
                            em->pos + first[j]);
        ((int *)em->x->p)[j + 1] = (int)out;
    }
    free(first);
    if (rc == NT_OK && !(em->xt = nt_sparse_transpose(em->x, st->threads)))
        rc = NT_ENOMEM;
    /* Entry (i, j) sits in column i of X^T, whose rows (the j) are sorted. */
    for (size_t q = 0; rc == NT_OK && q < em->count; q++) {
        const int *tp = em->xt->p, *ti = em->xt->i;
        int lo = tp[keys[q] % m], hi = tp[keys[q] % m + 1] - 1, j = (int)(keys[q] / m);
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (ti[mid] < j)
                lo = mid + 1;
            else
                hi = mid;
        }
        em->pos_t[q] = (size_t)lo;
    }
    return rc;
}

/* Sum and sum of squares of A off M (A's own minus the held-out values, which X holds at
 * pos until the first refill). */
static void observed_stats(em_data *em, const nt_nmf_state *st)
{
    const double *xv = em->x->x;
    double s1 = 0.0, s2 = 0.0;
    for (size_t q = 0; q < em->count; q++) {
        s1 += xv[em->pos[q]];
        s2 += xv[em->pos[q]] * xv[em->pos[q]];
    }
    em->obs_norm2 = st->a_norm2 > s2 ? st->a_norm2 - s2 : 0.0;
    em->obs_mean = (st->a_sum - s1) / ((double)st->m * (double)st->n - (double)em->count);
}

/* Refills X and X^T on M with (W H)_ij of the current factors and sets ||X||^2 in the
 * state; returns sum over M of (old fill - new fill)^2. Sums are blocked (nt_nmf_dot), so
 * they do not depend on the thread count. */
static double refill(nt_nmf_state *st, em_data *em)
{
    size_t k = st->k, m = st->m;
    double *xv = em->x->x, *tv = em->xt->x;
#pragma omp parallel for schedule(static) num_threads(st->threads)
    for (long q = 0; q < (long)em->count; q++) {
        const double *wi = st->w + (em->keys[q] % m) * k, *hj = st->ht + (em->keys[q] / m) * k;
        double v = 0.0;
        for (size_t t = 0; t < k; t++)
            v += wi[t] * hj[t];
        em->next[q] = v;
        em->fill[q] -= v;
        xv[em->pos[q]] = tv[em->pos_t[q]] = v;
    }
    double moved = nt_nmf_dot(em->fill, em->fill, em->count, st->threads);
    double *t = em->fill;
    em->fill = em->next;
    em->next = t;
    st->a_norm2 = em->obs_norm2 + nt_nmf_dot(em->fill, em->fill, em->count, st->threads);
    em->filled = 1;
    return moved;
}

/* 1/2 the squared error off M of the current factors, exactly: with X refilled the
 * residual on M is zero, so it is 1/2 ||X - W H||^2 (through the Gram matrices). */
static double exact_half_sq(nt_nmf_state *st, em_data *em)
{
    refill(st, em);
    nt_nmf_gram(st->w, st->m, st->k, st->gw);
    nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_mul_at(st, st->w, st->atw);
    em->surrogate = 0;
    return nt_nmf_half_sq_error(st, st->ht, st->atw, st->n, st->gw, st->gh);
}

/* After an iteration st->atw and st->gw were formed from the X of the H half-step, so
 * 1/2 ||X - W H||^2 there is g(H_new); the refill then gives f = g - 1/2 sum_M (change)^2
 * without another product with A. */
static double em_objective(nt_nmf_state *st)
{
    em_data *em = st->method_data;
    double f;
    if (em->surrogate) {
        nt_nmf_gram(st->ht, st->n, st->k, st->gh);
        double g = nt_nmf_half_sq_error(st, st->ht, st->atw, st->n, st->gw, st->gh);
        f = g - 0.5 * refill(st, em);
        f = f > 0.0 ? f : 0.0;
        em->surrogate = 0;
    } else {
        f = exact_half_sq(st, em);
    }
    return f + nt_nmf_penalty_value(st, st->w, st->m, &st->pen_w) +
           nt_nmf_penalty_value(st, st->ht, st->n, &st->pen_h);
}

static double em_rel_error(nt_nmf_state *st)
{
    em_data *em = st->method_data;
    return sqrt(2.0 * exact_half_sq(st, em) / em->obs_norm2);
}

/* The W half-step on X filled from (W, H), the H half-step on X refilled from (W_new, H). */
static int em_iterate(nt_nmf_state *st, nt_error *err)
{
    em_data *em = st->method_data;
    const nt_nmf_method *inner = nt_nmf_method_find(st->opts->algorithm);
    if (!em->filled)
        refill(st, em);
    nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    nt_nmf_subproblem sp = {NT_NMF_SIDE_W, st->w, st->m, st->gh, st->aht, st->pen_w, NULL, NULL};
    int rc = inner->solve(st, &sp, err);
    if (rc != NT_OK)
        return rc;
    refill(st, em);
    nt_nmf_gram(st->w, st->m, st->k, st->gw);
    nt_nmf_mul_at(st, st->w, st->atw);
    sp = (nt_nmf_subproblem){NT_NMF_SIDE_H, st->ht, st->n, st->gw, st->atw, st->pen_h, NULL, NULL};
    rc = inner->solve(st, &sp, err);
    em->filled = 0;
    em->surrogate = 1;
    return rc;
}

static int em_setup(nt_nmf_state *st, nt_error *err)
{
    em_data *em = calloc(1, sizeof *em);
    if (!em)
        return nt_error_set(err, NT_ENOMEM, "out of memory for a fit with held-out entries");
    st->method_data = em;
    int rc = nt_nmf_holdout_keys(st, &em->keys, &em->count, err);
    if (rc != NT_OK)
        return rc;
    size_t c = em->count ? em->count : 1;
    em->pos = malloc(c * sizeof *em->pos);
    em->pos_t = malloc(c * sizeof *em->pos_t);
    em->fill = calloc(c, sizeof *em->fill);
    em->next = malloc(c * sizeof *em->next);
    if (!em->pos || !em->pos_t || !em->fill || !em->next || build_x(em, st, em->keys) != NT_OK)
        return nt_error_set(err, NT_ENOMEM, "out of memory storing %zu held-out entries",
                            em->count);
    observed_stats(em, st);
    if (!(em->obs_norm2 > 0.0))
        return nt_error_set(err, NT_EEMPTY, "no nonzero entry of A (%zu x %zu) is observed: "
                                            "all are held out, nothing is left to fit",
                            st->m, st->n);
    if (st->opts->init == NT_NMF_INIT_RANDOM)
        nt_nmf_missing_rescale(st, em->obs_mean);
    em->a = st->a;
    em->at = st->at;
    em->a_norm2 = st->a_norm2;
    em->nnz = st->nnz;
    st->a = em->x;
    st->at = em->xt;
    st->nnz = (size_t)((const int *)em->x->p)[st->n];
    return NT_OK;
}

static void em_cleanup(nt_nmf_state *st)
{
    em_data *em = st->method_data;
    if (!em)
        return;
    if (em->a) {
        st->a = em->a;
        st->at = em->at;
        st->a_norm2 = em->a_norm2;
        st->nnz = em->nnz;
    }
    nt_sparse_free(&em->x);
    nt_sparse_free(&em->xt);
    free(em->keys);
    free(em->pos);
    free(em->pos_t);
    free(em->fill);
    free(em->next);
    free(em);
    st->method_data = NULL;
}

const nt_nmf_method nt_nmf_em_method = {
    NT_NMF_HALS, NULL, em_iterate, em_objective, em_setup, em_cleanup, em_rel_error};
