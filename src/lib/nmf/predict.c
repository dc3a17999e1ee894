/* predict.c: entries of the product W H of a result, for imputed and held-out values. */
#include "nmf_internal.h"

int nt_nmf_predict(const nt_nmf_result *result, const nt_nmf_entry_list *entries, double *out,
                   nt_error *err)
{
    size_t m = result->m, n = result->n, k = result->k;
    for (size_t q = 0; q < entries->count; q++) {
        size_t i = entries->row[q], j = entries->col[q];
        if (i >= m || j >= n)
            return nt_error_set(err, NT_EINVAL, "entry %zu is (%zu, %zu) (0-based), outside the "
                                                "%zu x %zu factorisation", q + 1, i, j, m, n);
        double s = 0.0;
        for (size_t t = 0; t < k; t++)
            s += result->w[t * m + i] * result->h[t * n + j];
        out[q] = s;
    }
    return NT_OK;
}
