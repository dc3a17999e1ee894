/* project.c: nt_nmf_project: non-negative least squares for W with H fixed, per document,
 * solved exactly (to the KKT tolerance of nnls_bpp.c) by block principal pivoting on the
 * normal equations: Gram matrix H H^T + l2_w I, right-hand sides the rows of A H^T - l1_w. */
#include <cblas.h>
#include <math.h>

#include "nmf_internal.h"
#include "nnls_bpp.h"

static int check_h(const double *h, size_t k, size_t n, nt_error *err)
{
    for (size_t q = 0; q < k * n; q++)
        if (!isfinite(h[q]) || h[q] < 0)
            return nt_error_set(err, NT_EINVAL, "project: H has %g at topic %zu, term %zu; it "
                                                "must be finite and non-negative",
                                h[q], q / n + 1, q % n + 1);
    return NT_OK;
}

int nt_nmf_project_w(nt_nmf_state *st, int warm, nt_error *err)
{
    size_t k = st->k;
    nt_nmf_gram(st->ht, st->n, k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    /* The penalised Gram matrix goes in gw, so gh stays H H^T for the caller. */
    for (size_t q = 0; q < k * k; q++)
        st->gw[q] = st->gh[q];
    for (size_t t = 0; t < k; t++)
        st->gw[t * k + t] += st->pen_w.l2;
    nt_nnls_workspace *ws = nt_nnls_workspace_create(k, st->threads);
    if (!ws)
        return nt_error_set(err, NT_ENOMEM, "project: out of memory for the NNLS workspace");
    nt_nnls_problem p = {k, st->m, st->gw, st->aht, st->pen_w.l1};
    int rc = nt_nnls_bpp_solve(ws, &p, st->w, warm, NULL, err);
    nt_nnls_workspace_free(ws);
    return rc;
}

int nt_nmf_project(const nt_matrix *a, const double *h, const nt_nmf_options *opts, double *w,
                   nt_error *err)
{
    if (!a || !h || !opts || !w)
        return nt_error_set(err, NT_EINVAL, "nt_nmf_project needs a matrix, H, options and W");
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
        nt_nmf_factor_to_rows(h, n, k, st.ht);
        int blas_threads = openblas_get_num_threads();
        openblas_set_num_threads(st.threads);
        rc = nt_nmf_project_w(&st, 0, err);
        openblas_set_num_threads(blas_threads);
    }
    if (rc == NT_OK)
        nt_nmf_rows_to_factor(st.w, m, k, w);
    nt_nmf_state_destroy(&st);
    return rc;
}
