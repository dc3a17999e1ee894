/* result.c: the result record: allocation, keeping the best run, normalisation, and the
 * conversions between the solver's row-major factors and the result's factor-major ones. */
#include <stdlib.h>
#include <string.h>

#include "nmf_internal.h"

nt_nmf_result *nt_nmf_result_new(size_t m, size_t n, size_t k, int runs, int trace_len)
{
    nt_nmf_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    r->n = n;
    r->k = k;
    r->runs = runs;
    r->w = malloc(m * k * sizeof *r->w);
    r->h = malloc(k * n * sizeof *r->h);
    r->run_objectives = calloc((size_t)runs, sizeof *r->run_objectives);
    r->trace = trace_len > 0 ? malloc((size_t)trace_len * sizeof *r->trace) : NULL;
    if (!r->w || !r->h || !r->run_objectives || (trace_len > 0 && !r->trace)) {
        nt_nmf_result_free(r);
        return NULL;
    }
    return r;
}

void nt_nmf_result_free(nt_nmf_result *result)
{
    if (!result)
        return;
    free(result->w);
    free(result->h);
    free(result->run_objectives);
    free(result->trace);
    free(result);
}

void nt_nmf_rows_to_factor(const double *x, size_t rows, size_t k, double *out)
{
    for (size_t r = 0; r < rows; r++)
        for (size_t t = 0; t < k; t++)
            out[t * rows + r] = x[r * k + t];
}

void nt_nmf_factor_to_rows(const double *x, size_t rows, size_t k, double *out)
{
    for (size_t t = 0; t < k; t++)
        for (size_t r = 0; r < rows; r++)
            out[r * k + t] = x[t * rows + r];
}

void nt_nmf_result_keep(nt_nmf_result *r, const nt_nmf_state *st, const nt_nmf_run_info *info,
                        int run)
{
    nt_nmf_rows_to_factor(st->w, st->m, st->k, r->w);
    nt_nmf_rows_to_factor(st->ht, st->n, st->k, r->h);
    r->best_run = run;
    r->iterations = info->iterations;
    r->objective = info->objective;
    r->rel_error = info->rel_error;
    r->converged = info->converged;
    if (r->trace)
        memcpy(r->trace, info->trace, (size_t)(info->iterations + 1) * sizeof *r->trace);
}

void nt_nmf_result_normalise(nt_nmf_result *r)
{
    for (size_t t = 0; t < r->k; t++) {
        double *h = r->h + t * r->n, *w = r->w + t * r->m, s = 0.0;
        for (size_t j = 0; j < r->n; j++)
            s += h[j];
        if (s <= 0.0)
            continue;
        for (size_t j = 0; j < r->n; j++)
            h[j] /= s;
        for (size_t i = 0; i < r->m; i++)
            w[i] *= s;
    }
}
