/* anls_bpp.c: alternating non-negative least squares, each half-step solved exactly by BPP.
 *
 * Update rule (ANLS; Kim & Park, "Fast nonnegative matrix factorization: an active-set-like
 * method and comparisons", SIAM J. Sci. Comput. 33(6), 2011): with the other factor fixed,
 * a factor is replaced by the exact minimiser
 *   W <- argmin_{W >= 0} 1/2 ||A - W H||_F^2 + pen(W),   then H likewise,
 * one NNLS problem per row of W (or of H^T), solved through the normal equations by block
 * principal pivoting (nnls_bpp.c) with Gram matrix G = H H^T (or W^T W) and right-hand
 * sides the rows of A H^T (or A^T W), both computed by the shared kernels.
 * Penalties (nmf.h, nt_nmf_penalty): pen(X) = l1 sum(X) + l2/2 ||X||^2 +
 * l1sq/2 sum_r (sum_t x_rt)^2 has gradient l1 + l2 x_r + l1sq (1 1^T) x_r, so it becomes
 * the Gram matrix G + l2 I + l1sq 1 1^T and the right-hand side p - l1: L2 adds to the
 * diagonal, L1 subtracts from the right-hand side. This is scikit-learn's form of the
 * penalties (0.5 ||X - WH||^2 + l1 ||W||_1 + l2/2 ||W||^2), with l1, l2 the weights after
 * scikit-learn's scaling of alpha by n_features or n_samples; Kim & Park 2011 state the
 * unpenalised problem.
 * Each solve starts from the current factor's passive sets (warm start, as Kim & Park do),
 * so late iterations need few pivoting rounds. */
#include "nmf_internal.h"
#include "nnls_bpp.h"

int nt_nmf_anls_setup(nt_nmf_state *st, nt_error *err)
{
    st->method_data = nt_nnls_workspace_create(st->k, st->threads);
    if (!st->method_data)
        return nt_error_set(err, NT_ENOMEM, "out of memory for the NNLS workspace (k = %zu)",
                            st->k);
    return NT_OK;
}

void nt_nmf_anls_cleanup(nt_nmf_state *st)
{
    nt_nnls_workspace_free(st->method_data);
    st->method_data = NULL;
}

int nt_nmf_anls_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err)
{
    size_t k = st->k;
    double *g = st->scratch; /* the penalised Gram matrix, k x k */
    for (size_t q = 0; q < k * k; q++)
        g[q] = sp->g[q] + sp->pen.l1sq;
    for (size_t t = 0; t < k; t++)
        g[t * k + t] += sp->pen.l2;
    nt_nnls_problem p = {k, sp->rows, g, sp->p, sp->pen.l1};
    return nt_nnls_bpp_solve(st->method_data, &p, sp->x, 1, NULL, err);
}
