/* holdout.c: the speckled hold-out of cross-validation (see rank.h for the design): nonzeros
 * kept with one rate, zeros with another, and the weighted error on them. */
#include "nmftopics/rank.h"

#include <math.h>
#include <stdlib.h>

#include "common/random.h"

/* Appends entry (i, j, v); grows the arrays by half when full. */
static int push(nt_holdout *h, size_t *capacity, size_t i, size_t j, double v)
{
    size_t c = h->list.count;
    if (c == *capacity) {
        size_t cap = *capacity + *capacity / 2 + 64;
        size_t *row = realloc(h->row, cap * sizeof *row);
        if (row)
            h->row = row;
        size_t *col = row ? realloc(h->col, cap * sizeof *col) : NULL;
        if (col)
            h->col = col;
        double *value = col ? realloc(h->value, cap * sizeof *value) : NULL;
        if (!value)
            return NT_ENOMEM;
        h->value = value;
        *capacity = cap;
    }
    h->row[c] = i;
    h->col[c] = j;
    h->value[c] = v;
    h->list.count = c + 1;
    return NT_OK;
}

/* Each nonzero with probability h->nonzero_rate, in column-major order. */
static int draw_nonzeros(const cholmod_sparse *A, nt_holdout *h, size_t *capacity,
                         nt_rng *rng)
{
    const int *ap = A->p, *ai = A->i;
    const double *ax = A->x;
    for (size_t j = 0; j < A->ncol; j++)
        for (int q = ap[j]; q < ap[j + 1]; q++)
            if (ax[q] != 0.0 && nt_rng_uniform(rng) < h->nonzero_rate &&
                push(h, capacity, (size_t)ai[q], j, ax[q]) != NT_OK)
                return NT_ENOMEM;
    return NT_OK;
}

/* Zeros passed over before the next one taken: geometric with success probability rate. */
static size_t gap(double rate, nt_rng *rng)
{
    if (rate >= 1.0)
        return 0;
    double g = floor(log1p(-nt_rng_uniform(rng)) / log1p(-rate));
    return g < (double)SIZE_MAX / 2 ? (size_t)g : SIZE_MAX / 2;
}

/* Each zero with probability h->zero_rate, by geometric skips over the zeros of each column
 * (the rows between its nonzeros), so the time is O(nonzeros + zeros taken). */
static int draw_zeros(const cholmod_sparse *A, nt_holdout *h, size_t *capacity, nt_rng *rng)
{
    const int *ap = A->p, *ai = A->i;
    const double *ax = A->x;
    size_t skip = gap(h->zero_rate, rng);
    for (size_t j = 0; j < A->ncol; j++) {
        size_t r = 0;
        for (int q = ap[j]; q <= ap[j + 1]; q++) {
            if (q < ap[j + 1] && ax[q] == 0.0)
                continue; /* a stored zero is one of the zeros */
            size_t next = q < ap[j + 1] ? (size_t)ai[q] : A->nrow, len = next - r;
            while (skip < len) {
                if (push(h, capacity, r + skip, j, 0.0) != NT_OK)
                    return NT_ENOMEM;
                len -= skip + 1;
                r += skip + 1;
                skip = gap(h->zero_rate, rng);
            }
            skip -= len;
            r = next + 1;
        }
    }
    return NT_OK;
}

static size_t count_nonzeros(const cholmod_sparse *A)
{
    const double *ax = A->x;
    size_t nz = 0, stored = (size_t)((const int *)A->p)[A->ncol];
    for (size_t q = 0; q < stored; q++)
        nz += ax[q] != 0.0;
    return nz;
}

int nt_holdout_sample(const cholmod_sparse *A, double share, int sample_zeros, uint64_t seed,
                      nt_holdout **out, nt_error *err)
{
    *out = NULL;
    if (!(share > 0.0 && share <= 0.5))
        return nt_error_set(err, NT_EINVAL, "hold-out share %g is out of range: it must be "
                                            "above 0 and at most 0.5", share);
    nt_holdout *h = calloc(1, sizeof *h);
    if (!h)
        return nt_error_set(err, NT_ENOMEM, "out of memory for the hold-out");
    size_t capacity = 0, nz = count_nonzeros(A);
    double zeros = (double)A->nrow * (double)A->ncol - (double)nz;
    h->nonzero_rate = share;
    h->zero_rate = sample_zeros && zeros > 0 ? share * fmin(1.0, (double)nz / zeros) : 0.0;
    /* Run 0 of a survey starts its factors from this seed too: a stream of its own keeps
     * the hold-out unrelated to them. */
    nt_rng rng;
    nt_rng_seed(&rng, seed ^ 0x686f6c646f75742eULL);
    int rc = draw_nonzeros(A, h, &capacity, &rng);
    h->nonzeros = h->list.count;
    if (rc == NT_OK && h->zero_rate > 0.0)
        rc = draw_zeros(A, h, &capacity, &rng);
    h->list.row = h->row;
    h->list.col = h->col;
    if (rc != NT_OK)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory for the hold-out");
    else if (h->nonzeros == 0)
        rc = nt_error_set(err, NT_EEMPTY, "a hold-out share of %g draws none of the %zu "
                                          "nonzeros of the matrix; it has too few to "
                                          "cross-validate", share, nz);
    if (rc != NT_OK) {
        nt_holdout_free(h);
        return rc;
    }
    *out = h;
    return NT_OK;
}

void nt_holdout_free(nt_holdout *holdout)
{
    if (!holdout)
        return;
    free(holdout->row);
    free(holdout->col);
    free(holdout->value);
    free(holdout);
}

int nt_holdout_error(const nt_holdout *holdout, const nt_nmf_result *result, double *cv,
                     nt_error *err)
{
    const nt_holdout *h = holdout;
    double *pred = malloc((h->list.count ? h->list.count : 1) * sizeof *pred);
    if (!pred)
        return nt_error_set(err, NT_ENOMEM, "out of memory for %zu predictions", h->list.count);
    int rc = nt_nmf_predict(result, &h->list, pred, err);
    double sse_nz = 0.0, ss_nz = 0.0, sse_zero = 0.0;
    for (size_t q = 0; rc == NT_OK && q < h->list.count; q++) {
        double d = h->value[q] - pred[q];
        if (q < h->nonzeros) {
            sse_nz += d * d;
            ss_nz += h->value[q] * h->value[q];
        } else {
            sse_zero += d * d;
        }
    }
    free(pred);
    if (rc != NT_OK)
        return rc;
    double sse = sse_nz + (h->zero_rate > 0.0 ? sse_zero * h->nonzero_rate / h->zero_rate : 0.0);
    *cv = sqrt(sse / ss_nz);
    return NT_OK;
}
