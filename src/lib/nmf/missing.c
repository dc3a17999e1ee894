/* missing.c: NMF with unknown entries: the checks, the choice between the two methods, and
 * the weighted method for missing = absent (its iteration and masked loss).
 *
 * Which entries are observed: with missing = absent, the nonzero entries of A (a stored
 * zero is as unknown as an entry that is not stored, so dense and sparse forms of one
 * matrix give the same fit); with missing = zero, every entry. Held-out entries are then
 * removed from that set, whatever their value. The loss, the objective and rel_error count
 * the observed entries only. missing = absent runs weighted HALS (missing_solve.c);
 * missing = zero with held-out entries runs EM around hals or mu (missing_em.c). Nothing
 * of a held-out entry reaches the fit: the random start is scaled by the observed mean,
 * and the NNDSVD starts, which read all of A, are refused with a hold-out. */
#include <math.h>
#include <stdlib.h>

#include "missing.h"

static int wants_missing(const nt_nmf_options *o)
{
    return o->missing == NT_NMF_MISSING_ABSENT || (o->holdout && o->holdout->count > 0);
}

/* 1/2 sum over the listed entries of (a_ij - w_i h_j)^2, summed per fixed block of rows so
 * that the result does not depend on the thread count. */
static double listed_half_sq(const nt_nmf_state *st, const nt_nmf_entries *e)
{
    size_t k = st->k, nblocks = (e->groups + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    double total = 0.0;
    enum { PASS = 512 };
    double part[PASS];
    for (size_t b0 = 0; b0 < nblocks; b0 += PASS) {
        long nb = (long)(nblocks - b0 < PASS ? nblocks - b0 : PASS);
#pragma omp parallel for schedule(static) num_threads(st->threads)
        for (long b = 0; b < nb; b++) {
            size_t lo = (b0 + (size_t)b) * NT_NMF_BLOCK;
            size_t hi = lo + NT_NMF_BLOCK < e->groups ? lo + NT_NMF_BLOCK : e->groups;
            double s = 0.0;
            for (size_t r = lo; r < hi; r++)
                for (size_t q = e->start[r]; q < e->start[r + 1]; q++) {
                    const double *wr = st->w + r * k, *hc = st->ht + (size_t)e->idx[q] * k;
                    double d = e->val[q];
                    for (size_t t = 0; t < k; t++)
                        d -= wr[t] * hc[t];
                    s += d * d;
                }
            part[b] = s;
        }
        for (long b = 0; b < nb; b++)
            total += part[b];
    }
    return 0.5 * total;
}

static double absent_objective(nt_nmf_state *st)
{
    const nt_nmf_observed *obs = st->method_data;
    return listed_half_sq(st, &obs->by_row) + nt_nmf_penalty_value(st, st->w, st->m, &st->pen_w) +
           nt_nmf_penalty_value(st, st->ht, st->n, &st->pen_h);
}

static double absent_rel_error(nt_nmf_state *st)
{
    const nt_nmf_observed *obs = st->method_data;
    return sqrt(2.0 * listed_half_sq(st, &obs->by_row) / obs->norm2);
}

/* W with H fixed, then H with the new W. */
static int absent_iterate(nt_nmf_state *st, nt_error *err)
{
    (void)err;
    nt_nmf_observed_solve(st, st->method_data, NT_NMF_SIDE_W);
    nt_nmf_observed_solve(st, st->method_data, NT_NMF_SIDE_H);
    return NT_OK;
}

void nt_nmf_missing_rescale(nt_nmf_state *st, double observed_mean)
{
    double c = sqrt(observed_mean / (st->a_sum / ((double)st->m * (double)st->n)));
    for (size_t q = 0; q < st->m * st->k; q++)
        st->w[q] *= c;
    for (size_t q = 0; q < st->n * st->k; q++)
        st->ht[q] *= c;
}

static int absent_setup(nt_nmf_state *st, nt_error *err)
{
    nt_nmf_observed *obs = malloc(sizeof *obs);
    if (!obs)
        return nt_error_set(err, NT_ENOMEM, "out of memory for a fit with missing values");
    st->method_data = obs;
    int rc = nt_nmf_observed_build(obs, st, err);
    if (rc == NT_OK && st->opts->init == NT_NMF_INIT_RANDOM)
        nt_nmf_missing_rescale(st, obs->mean);
    return rc;
}

static void absent_cleanup(nt_nmf_state *st)
{
    nt_nmf_observed_free(st->method_data);
    free(st->method_data);
    st->method_data = NULL;
}

const nt_nmf_method nt_nmf_absent_method = {
    NT_NMF_HALS, NULL, absent_iterate, absent_objective, absent_setup, absent_cleanup,
    absent_rel_error};

const nt_nmf_method *nt_nmf_missing_method(const nt_nmf_options *opts)
{
    if (opts->missing == NT_NMF_MISSING_ABSENT)
        return &nt_nmf_absent_method;
    return wants_missing(opts) ? &nt_nmf_em_method : NULL;
}

int nt_nmf_missing_check(const nt_nmf_options *o, size_t m, size_t n, nt_error *err)
{
    if (o->missing != NT_NMF_MISSING_ZERO && o->missing != NT_NMF_MISSING_ABSENT)
        return nt_error_set(err, NT_EINVAL, "missing-value mode %d is unknown", o->missing);
    if (!wants_missing(o))
        return NT_OK;
    if (o->missing == NT_NMF_MISSING_ABSENT && o->algorithm != NT_NMF_HALS)
        return nt_error_set(err, NT_EINVAL, "missing absent needs algorithm hals, not %s",
                            nt_nmf_algorithm_name(o->algorithm));
    if (o->algorithm != NT_NMF_HALS && o->algorithm != NT_NMF_MU)
        return nt_error_set(err, NT_EINVAL, "held-out entries need algorithm hals or mu, not %s",
                            nt_nmf_algorithm_name(o->algorithm));
    if (o->holdout && o->holdout->count > 0 && o->init != NT_NMF_INIT_RANDOM &&
        o->init != NT_NMF_INIT_CUSTOM)
        return nt_error_set(err, NT_EINVAL, "held-out entries need init random or custom: %s "
                                            "starts from an SVD of all of A, held-out entries "
                                            "included", nt_nmf_init_name(o->init));
    if (o->stop != NT_NMF_STOP_OBJECTIVE)
        return nt_error_set(err, NT_EINVAL, "a fit with missing values stops on the objective; "
                                            "the projected-gradient stop does not apply");
    const nt_nmf_entry_list *h = o->holdout;
    if (h && h->count > 0 && (!h->row || !h->col))
        return nt_error_set(err, NT_EINVAL, "the hold-out list has %zu entries but no row or "
                                            "column array", h->count);
    for (size_t q = 0; h && q < h->count; q++)
        if (h->row[q] >= m || h->col[q] >= n)
            return nt_error_set(err, NT_EINVAL, "hold-out entry %zu is (%zu, %zu) (0-based), "
                                                "outside the %zu x %zu matrix",
                                q + 1, h->row[q], h->col[q], m, n);
    return NT_OK;
}
