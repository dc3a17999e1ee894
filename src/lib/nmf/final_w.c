/* final_w.c: the W a fit reports, made the one a transform gives (each document's
 * non-negative least-squares weights against the final H, as nt_nmf_project computes them),
 * and the relative error and objective of the factors actually reported. nt_nmf_fit does it
 * on its own state when opts->project_w is set; nt_nmf_result_project does it for a result
 * already made, on a state of its own. Either way the pivoting starts from the passive sets
 * of the fit's W, which is usually close to the solution, so few rounds are needed. */
#include <cblas.h>
#include <math.h>

#include "nmf_internal.h"

int nt_nmf_result_projects_w(const nt_nmf_options *opts)
{
    int frobenius = opts->algorithm == NT_NMF_HALS || opts->algorithm == NT_NMF_MU ||
                    opts->algorithm == NT_NMF_ANLS_BPP;
    return frobenius && opts->missing == NT_NMF_MISSING_ZERO && !opts->holdout;
}

int nt_nmf_final_w(nt_nmf_state *st, nt_nmf_result *res, nt_error *err)
{
    if (!(st->a_norm2 > 0.0))
        return nt_error_set(err, NT_EEMPTY, "A (%zu x %zu) is all zero: the relative error is "
                            "undefined", st->m, st->n);
    const nt_nmf_options *o = st->opts;
    nt_nmf_penalty pw = {o->l1_w, o->l2_w, 0.0}, ph = {o->l1_h, o->l2_h, 0.0};
    st->pen_w = pw;
    nt_nmf_factor_to_rows(res->h, st->n, st->k, st->ht);
    nt_nmf_factor_to_rows(res->w, st->m, st->k, st->w);
    int rc = nt_nmf_project_w(st, 1, err);
    if (rc != NT_OK)
        return rc;
    nt_nmf_rows_to_factor(st->w, st->m, st->k, res->w);
    /* <A, W H> = <W, A H^T>, with A H^T and H H^T left by the projection. */
    nt_nmf_gram(st->w, st->m, st->k, st->gw);
    double half = nt_nmf_half_sq_error(st, st->w, st->aht, st->m, st->gw, st->gh);
    res->rel_error = sqrt(2.0 * half / st->a_norm2);
    res->objective = half + nt_nmf_penalty_value(st, st->w, st->m, &pw) +
                     nt_nmf_penalty_value(st, st->ht, st->n, &ph);
    return NT_OK;
}

int nt_nmf_result_project(const nt_matrix *a, const nt_nmf_options *opts,
                          nt_nmf_result *result, nt_error *err)
{
    if (!a || !opts || !result || a->m != result->m || a->n != result->n || opts->k != result->k)
        return nt_error_set(err, NT_EINVAL, "nt_nmf_result_project: A (%zu x %zu) and k = %zu "
                            "do not match the result", a ? a->m : 0, a ? a->n : 0,
                            opts ? opts->k : 0);
    if (!nt_nmf_result_projects_w(opts))
        return NT_OK;
    nt_nmf_state st;
    int rc = nt_nmf_state_create(&st, a, opts, 0, err);
    if (rc == NT_OK) {
        int blas_threads = openblas_get_num_threads();
        openblas_set_num_threads(st.threads);
        rc = nt_nmf_final_w(&st, result, err);
        openblas_set_num_threads(blas_threads);
    }
    nt_nmf_state_destroy(&st);
    return rc;
}
