/* init.c: the random and the caller-given starting points. */
#include <math.h>

#include "common/random.h"
#include "nmf_internal.h"

/* Entries |N(0,1)| * sqrt(mean(A) / k), the scale scikit-learn uses, so that W H starts
 * with the mean of A. W is drawn first, then H^T, row by row: the order fixes the result. */
int nt_nmf_init_random(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    (void)err;
    nt_rng rng;
    nt_rng_seed(&rng, seed);
    double scale = sqrt(st->a_sum / ((double)st->m * (double)st->n) / (double)st->k);
    for (size_t q = 0; q < st->m * st->k; q++)
        st->w[q] = scale * fabs(nt_rng_normal(&rng));
    for (size_t q = 0; q < st->n * st->k; q++)
        st->ht[q] = scale * fabs(nt_rng_normal(&rng));
    return NT_OK;
}

/* Copies a factor-major rows x k factor into the row-major state layout, checking values. */
static int take_factor(const double *src, size_t rows, size_t k, double *dst, const char *name,
                       nt_error *err)
{
    for (size_t t = 0; t < k; t++)
        for (size_t r = 0; r < rows; r++) {
            double v = src[t * rows + r];
            if (!isfinite(v) || v < 0)
                return nt_error_set(err, NT_EINVAL,
                                    "custom init: %s has %g at topic %zu, %s %zu; it must be "
                                    "finite and non-negative", name, v, t + 1,
                                    name[0] == 'W' ? "row" : "column", r + 1);
            dst[r * k + t] = v;
        }
    return NT_OK;
}

int nt_nmf_init_custom(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    (void)seed;
    const nt_nmf_options *o = st->opts;
    int rc = take_factor(o->init_w, st->m, st->k, st->w, "W", err);
    return rc != NT_OK ? rc : take_factor(o->init_h, st->n, st->k, st->ht, "H", err);
}
