/* snmf.c: Kim & Park's sparse NMF, SNMF/R (sparse H) and SNMF/L (sparse W), as ANLS penalties.
 *
 * Kim & Park, "Sparse non-negative matrix factorizations via alternating non-negativity-
 * constrained least squares for microarray data analysis", Bioinformatics 23(12), 2007.
 * SNMF/R minimises 1/2 (||A - W H||_F^2 + eta ||W||_F^2 + beta sum_j ||h_j||_1^2) over
 * W, H >= 0 (h_j = column j of H) by ANLS on augmented systems:
 *   H <- argmin_{H >= 0} || [W; sqrt(beta) 1_{1 x k}] H - [A; 0_{1 x n}] ||_F^2
 *   W <- argmin_{W >= 0} || [H^T; sqrt(eta) I_k] W^T - [A^T; 0_{k x m}] ||_F^2
 * The extra rows only change the normal equations: for H the Gram matrix becomes
 * [W; sqrt(beta) 1^T]^T [W; sqrt(beta) 1^T] = W^T W + beta 1 1^T, for W it becomes
 * H H^T + eta I, and the right-hand sides W^T A and H A^T are unchanged because the
 * appended rows of the target are zero. So the BPP solver of anls_bpp.c runs unchanged on
 * the Gram matrices with the penalties l1sq = beta on H and l2 = eta on W
 * (nt_nmf_penalty); the augmented matrices are never formed.
 * Parameters, as R's NMF package exposes them ("snmf/r", "snmf/l"): beta (default 0.01)
 * and eta, where a negative eta means max(A) (the default). R NMF, like Kim's MATLAB code,
 * appends the rows eta I rather than sqrt(eta) I, so its solver and its KKT test apply
 * eta^2 although its documentation writes eta ||W||^2; we follow the solver (l2 = eta^2),
 * so the same eta gives the same problem as in R NMF, and the objective we report,
 * 1/2 (||A - WH||^2 + eta^2 ||W||^2 + beta sum_j ||h_j||_1^2), is the one minimised.
 * SNMF/L is SNMF/R on A^T: l1sq = beta on W (rows w_i) and l2 = eta^2 on H.
 * Not reproduced from R NMF: its restart from a new random W when a row of H becomes all
 * zero (beta too large; here that topic simply stays empty), the unit-norm scaling of its
 * starting W, and its biclustering stopping test; the engine's init and stopping rules
 * apply. Any L1/L2 options are added on top of these penalties. */
#include "nmf_internal.h"

static double eta_squared(const nt_nmf_state *st)
{
    double eta = st->opts->snmf_eta < 0 ? st->a_max : st->opts->snmf_eta;
    return eta * eta;
}

int nt_nmf_snmf_r_setup(nt_nmf_state *st, nt_error *err)
{
    st->pen_w.l2 += eta_squared(st);
    st->pen_h.l1sq += st->opts->snmf_beta;
    return nt_nmf_anls_setup(st, err);
}

int nt_nmf_snmf_l_setup(nt_nmf_state *st, nt_error *err)
{
    st->pen_h.l2 += eta_squared(st);
    st->pen_w.l1sq += st->opts->snmf_beta;
    return nt_nmf_anls_setup(st, err);
}
