/* mu.c: multiplicative updates for the Frobenius loss, one factor.
 *
 * Update rule (Lee & Seung, "Algorithms for non-negative matrix factorization", NIPS 2001),
 * with the penalties in the denominator as in Hoyer 2004 and scikit-learn:
 *   x_rt <- x_rt * p_rt / ((x_r g)_t + l1 + l2 x_rt + l1sq sum_q x_rq).
 * Every entry of a row uses the row before the update, so the objective never increases.
 * Entries that reach zero stay zero (the known weakness of multiplicative updates). */
#include <float.h>

#include "nmf_internal.h"

int nt_nmf_mu_solve(nt_nmf_state *st, const nt_nmf_subproblem *sp, nt_error *err)
{
    (void)err;
    size_t k = st->k;
    const nt_nmf_penalty pen = sp->pen;
    int big = (double)sp->rows * (double)(k * k) >= NT_NMF_PARALLEL_MIN;
#pragma omp parallel for schedule(static) num_threads(st->threads) if (big)
    for (long r = 0; r < (long)sp->rows; r++) {
        double *xr = sp->x + (size_t)r * k;
        const double *pr = sp->p + (size_t)r * k;
        double *den = st->scratch + (size_t)r * k;
        double rowsum = 0.0;
        for (size_t q = 0; q < k; q++)
            rowsum += xr[q];
        for (size_t t = 0; t < k; t++) {
            const double *gt = sp->g + t * k;
            double s = 0.0;
            for (size_t q = 0; q < k; q++)
                s += xr[q] * gt[q];
            den[t] = s + pen.l1 + pen.l2 * xr[t] + pen.l1sq * rowsum;
        }
        /* A zero denominator needs x_r = 0 (g has a positive diagonal wherever x_rt can
         * matter), so the floor only avoids 0/0. */
        for (size_t t = 0; t < k; t++)
            xr[t] *= pr[t] / (den[t] > DBL_MIN ? den[t] : DBL_MIN);
    }
    return NT_OK;
}
