/* objective.c: the Frobenius objective and the penalties, computed without forming W H. */
#include "nmf_internal.h"

double nt_nmf_half_sq_error(const nt_nmf_state *st, const double *x, const double *p, size_t rows,
                            const double *gw, const double *gh)
{
    double cross = nt_nmf_dot(x, p, rows * st->k, st->threads);
    double gram = 0.0;
    for (size_t q = 0; q < st->k * st->k; q++)
        gram += gw[q] * gh[q];
    /* Cancellation can leave a tiny negative value when the fit is exact. */
    double e = 0.5 * (st->a_norm2 - 2.0 * cross + gram);
    return e > 0.0 ? e : 0.0;
}

/* Per block of rows: sum of x, sum of x^2 and sum of squared row sums, added in order. */
static void penalty_sums(const double *x, size_t rows, size_t k, int threads, double out[3])
{
    size_t nblocks = (rows + NT_NMF_BLOCK - 1) / NT_NMF_BLOCK;
    out[0] = out[1] = out[2] = 0.0;
    enum { PASS = 256 };
    double part[PASS][3];
    int big = rows * k >= NT_NMF_PARALLEL_MIN;
    for (size_t b0 = 0; b0 < nblocks; b0 += PASS) {
        long nb = (long)(nblocks - b0 < PASS ? nblocks - b0 : PASS);
#pragma omp parallel for schedule(static) num_threads(threads) if (big)
        for (long b = 0; b < nb; b++) {
            size_t lo = (b0 + (size_t)b) * NT_NMF_BLOCK;
            size_t hi = lo + NT_NMF_BLOCK < rows ? lo + NT_NMF_BLOCK : rows;
            double s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (size_t r = lo; r < hi; r++) {
                double rs = 0.0;
                for (size_t t = 0; t < k; t++) {
                    double v = x[r * k + t];
                    rs += v;
                    s2 += v * v;
                }
                s1 += rs;
                s3 += rs * rs;
            }
            part[b][0] = s1;
            part[b][1] = s2;
            part[b][2] = s3;
        }
        for (long b = 0; b < nb; b++)
            for (int q = 0; q < 3; q++)
                out[q] += part[b][q];
    }
}

double nt_nmf_penalty_value(const nt_nmf_state *st, const double *x, size_t rows,
                            const nt_nmf_penalty *pen)
{
    if (pen->l1 == 0.0 && pen->l2 == 0.0 && pen->l1sq == 0.0)
        return 0.0;
    double s[3];
    penalty_sums(x, rows, st->k, st->threads, s);
    return pen->l1 * s[0] + 0.5 * pen->l2 * s[1] + 0.5 * pen->l1sq * s[2];
}
