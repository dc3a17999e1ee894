/* state.c: setting up the solver state: A in row and column form, its statistics, buffers. */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "nmf_internal.h"

static int check_dense(const double *x, size_t m, size_t n, nt_error *err)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double v = x[j * m + i];
            if (!isfinite(v) || v < 0)
                return nt_error_set(err, NT_EINVAL,
                                    "A: entry (%zu, %zu) is %g; NMF needs finite non-negative values",
                                    i + 1, j + 1, v);
        }
    return NT_OK;
}

/* A compressed-column copy of a dense column-major matrix, keeping its nonzeros only. */
static cholmod_sparse *dense_to_sparse(const double *x, size_t m, size_t n)
{
    size_t nz = 0;
    for (size_t q = 0; q < m * n; q++)
        nz += x[q] != 0.0;
    cholmod_sparse *s = nt_sparse_allocate(m, n, nz);
    if (!s)
        return NULL;
    int *sp = s->p, *si = s->i;
    double *sx = s->x;
    int q = 0;
    for (size_t j = 0; j < n; j++) {
        sp[j] = q;
        for (size_t i = 0; i < m; i++)
            if (x[j * m + i] != 0.0) {
                si[q] = (int)i;
                sx[q++] = x[j * m + i];
            }
    }
    sp[n] = q;
    return s;
}

/* Sums, maximum and nonzero count of the stored values; zeros stored in a dense A are not
 * counted, so dense and sparse forms of one matrix get the same statistics. */
static void value_stats(nt_nmf_state *st, const double *x, size_t len)
{
    double s = 0.0, s2 = 0.0, mx = 0.0;
    size_t nz = 0;
    for (size_t q = 0; q < len; q++) {
        s += x[q];
        s2 += x[q] * x[q];
        mx = x[q] > mx ? x[q] : mx;
        nz += x[q] != 0.0;
    }
    st->nnz = nz;
    st->a_sum = s;
    st->a_norm2 = s2;
    st->a_max = mx;
}

static int attach_input(nt_nmf_state *st, const nt_matrix *a, int need_sparse, nt_error *err)
{
    int rc;
    if (a->sparse) {
        const cholmod_sparse *s = a->sparse;
        if (s->xtype != CHOLMOD_REAL || !s->packed || !s->sorted || s->stype != 0 ||
            s->itype != CHOLMOD_INT)
            return nt_error_set(err, NT_EINVAL, "A must be a real, packed, sorted, unsymmetric "
                                                "CHOLMOD matrix with int indices");
        if ((rc = nt_sparse_check_values(s, "A", err)) != NT_OK)
            return rc;
        st->a = s;
    } else {
        if ((rc = check_dense(a->dense, st->m, st->n, err)) != NT_OK)
            return rc;
        if (!need_sparse) {
            st->dense = a->dense;
            value_stats(st, a->dense, st->m * st->n);
            return NT_OK;
        }
        st->a_owned = dense_to_sparse(a->dense, st->m, st->n);
        if (!st->a_owned)
            return nt_error_set(err, NT_ENOMEM, "out of memory copying A");
        st->a = st->a_owned;
    }
    value_stats(st, st->a->x, (size_t)((const int *)st->a->p)[st->n]);
    st->at = nt_sparse_transpose(st->a, st->threads);
    if (!st->at)
        return nt_error_set(err, NT_ENOMEM, "out of memory transposing A (%zu nonzeros)", st->nnz);
    return NT_OK;
}

int nt_nmf_state_create(nt_nmf_state *st, const nt_matrix *a, const nt_nmf_options *opts,
                        int need_sparse, nt_error *err)
{
    memset(st, 0, sizeof *st);
    st->opts = opts;
    st->m = a->m;
    st->n = a->n;
    st->k = opts->k;
    st->threads = opts->threads > 0 ? opts->threads : omp_get_max_threads();
    if ((a->sparse == NULL) == (a->dense == NULL))
        return nt_error_set(err, NT_EINVAL, "A must be either sparse or dense");
    if (a->sparse && (a->sparse->nrow != a->m || a->sparse->ncol != a->n))
        return nt_error_set(err, NT_EINVAL, "A: the sparse matrix is not %zu x %zu", a->m, a->n);
    int rc = attach_input(st, a, need_sparse, err);
    if (rc != NT_OK)
        return rc;
    size_t m = st->m, n = st->n, k = st->k, big = m > n ? m : n;
    st->w = malloc(m * k * sizeof *st->w);
    st->ht = malloc(n * k * sizeof *st->ht);
    st->aht = malloc(m * k * sizeof *st->aht);
    st->atw = malloc(n * k * sizeof *st->atw);
    st->gw = malloc(k * k * sizeof *st->gw);
    st->gh = malloc(k * k * sizeof *st->gh);
    st->scratch = malloc(big * k * sizeof *st->scratch);
    if (!st->w || !st->ht || !st->aht || !st->atw || !st->gw || !st->gh || !st->scratch)
        return nt_error_set(err, NT_ENOMEM, "out of memory for factors of rank %zu (%zu x %zu)",
                            k, m, n);
    return NT_OK;
}

void nt_nmf_state_destroy(nt_nmf_state *st)
{
    if (!st)
        return;
    nt_sparse_free(&st->at);
    nt_sparse_free(&st->a_owned);
    free(st->w);
    free(st->ht);
    free(st->aht);
    free(st->atw);
    free(st->gw);
    free(st->gh);
    free(st->scratch);
    memset(st, 0, sizeof *st);
}
