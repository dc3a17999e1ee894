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

static int solve_w(nt_nmf_state *st, nt_error *err)
{
    size_t k = st->k;
    nt_nmf_gram(st->ht, st->n, k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    for (size_t t = 0; t < k; t++)
        st->gh[t * k + t] += st->pen_w.l2;
    nt_nnls_workspace *ws = nt_nnls_workspace_create(k, st->threads);
    if (!ws)
        return nt_error_set(err, NT_ENOMEM, "project: out of memory for the NNLS workspace");
    nt_nnls_problem p = {k, st->m, st->gh, st->aht, st->pen_w.l1};
    int rc = nt_nnls_bpp_solve(ws, &p, st->w, 0, NULL, err);
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
