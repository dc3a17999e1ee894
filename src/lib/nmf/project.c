/* project.c: nt_nmf_project: non-negative least squares for W with H fixed, per document.
 * Solved by HALS sweeps (see hals.c) from W = 0 until Lin's projected gradient has fallen
 * by PROJECT_TOL relative to its value at W = 0; each row is a strictly convex problem when
 * H has full row rank, so the sweeps converge to its unique minimiser. */
#include <cblas.h>
#include <math.h>
#include <string.h>

#include "nmf_internal.h"

#define PROJECT_TOL 1e-10
#define PROJECT_MAX_CALLS 1000

static int check_h(const double *h, size_t k, size_t n, nt_error *err)
{
    for (size_t q = 0; q < k * n; q++)
        if (!isfinite(h[q]) || h[q] < 0)
            return nt_error_set(err, NT_EINVAL, "project: H has %g at topic %zu, term %zu; it "
                                                "must be finite and non-negative",
                                h[q], q / n + 1, q % n + 1);
    return NT_OK;
}

static int solve_w(nt_nmf_state *st, nt_error *err)
{
    nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    memset(st->w, 0, st->m * st->k * sizeof *st->w);
    nt_nmf_subproblem sp = {NT_NMF_SIDE_W, st->w, st->m, st->gh, st->aht, st->pen_w};
    double g0 = nt_nmf_pgrad_sq(st, &sp, 1);
    for (int call = 0; call < PROJECT_MAX_CALLS; call++) {
        if (nt_nmf_pgrad_sq(st, &sp, 1) <= PROJECT_TOL * PROJECT_TOL * g0)
            break;
        int rc = nt_nmf_hals_solve(st, &sp, err);
        if (rc != NT_OK)
            return rc;
    }
    return NT_OK;
}

int nt_nmf_project(const nt_matrix *a, const double *h, const nt_nmf_options *opts, double *w,
                   nt_error *err)
{
    size_t k = opts->k, n = a->n, m = a->m;
    if (k < 1 || k > n)
        return nt_error_set(err, NT_EINVAL, "project: rank k = %zu must be from 1 to the %zu "
                                            "columns of A", k, n);
    int rc = check_h(h, k, n, err);
    if (rc != NT_OK)
        return rc;
    nt_nmf_state st;
    rc = nt_nmf_state_create(&st, a, opts, 0, err);
    if (rc == NT_OK) {
        nt_nmf_penalty pw = {opts->l1_w, opts->l2_w, 0.0};
        st.pen_w = pw;
        for (size_t t = 0; t < k; t++)
            for (size_t j = 0; j < n; j++)
                st.ht[j * k + t] = h[t * n + j];
        int blas_threads = openblas_get_num_threads();
        openblas_set_num_threads(st.threads);
        rc = solve_w(&st, err);
        openblas_set_num_threads(blas_threads);
    }
    if (rc == NT_OK)
        for (size_t i = 0; i < m; i++)
            for (size_t t = 0; t < k; t++)
                w[t * m + i] = st.w[i * k + t];
    nt_nmf_state_destroy(&st);
    return rc;
}
