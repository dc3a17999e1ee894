/* fit.c: nt_nmf_fit: checks, the runs with seeds seed, seed+1, ..., the kept run and, when
 * asked, its W replaced by the projection a transform gives (final_w.c). */
#include <cblas.h>
#include <omp.h>
#include <stdlib.h>

#include "missing.h"

/* Runs every seed and keeps the lowest objective in res. Runs cut short by max-iter or
 * max-time are summed up in one warning, however many runs there are. */
static int run_all(nt_nmf_state *st, const nt_nmf_method *method, nt_nmf_init_fn init,
                   const nt_hooks *hooks, nt_nmf_result *res, double *trace, nt_error *err)
{
    const nt_nmf_options *o = st->opts;
    int unconverged = 0, projects = o->project_w && nt_nmf_result_projects_w(o);
    for (int r = 0; r < o->runs; r++) {
        nt_nmf_run_info info = {0, 0.0, 0.0, 0, trace, r, projects};
        int rc = nt_nmf_run(st, method, init, o->seed + (uint64_t)r, hooks, &info, err);
        if (rc != NT_OK)
            return rc;
        res->run_objectives[r] = info.objective;
        if (r == 0 || info.objective < res->objective)
            nt_nmf_result_keep(res, st, &info, r);
        unconverged += !info.converged;
    }
    if (unconverged > 0)
        nt_hooks_log(hooks, NT_LOG_WARNING,
                     "nmf: %d of %d run%s stopped at max-iter (%d)%s before meeting the "
                     "stopping rule (tol %g)", unconverged, o->runs, o->runs == 1 ? "" : "s",
                     o->max_iter, o->max_time > 0 ? " or max-time" : "", o->tol);
    return NT_OK;
}

int nt_nmf_fit(const nt_matrix *a, const nt_nmf_options *opts, const nt_hooks *hooks,
               nt_nmf_result **out, nt_error *err)
{
    if (!out || !a || !opts)
        return nt_error_set(err, NT_EINVAL, "nt_nmf_fit needs a matrix, options and a result");
    *out = NULL;
    int rc = nt_nmf_options_check(opts, a->m, a->n, err);
    if (rc != NT_OK)
        return rc;
    const nt_nmf_method *method = nt_nmf_missing_method(opts);
    if (!method)
        method = nt_nmf_method_find(opts->algorithm);
    nt_nmf_init_fn init = nt_nmf_init_find(opts->init);
    double start = omp_get_wtime();
    nt_nmf_state st;
    nt_nmf_result *res = NULL;
    double *trace = NULL;
    rc = nt_nmf_state_create(&st, a, opts, method->solve == NULL, err);
    if (rc == NT_OK && st.a_sum == 0.0)
        rc = nt_error_set(err, NT_EEMPTY, "A (%zu x %zu) has no nonzero entry to factor", a->m,
                          a->n);
    if (rc == NT_OK) {
        int tlen = opts->record_trace ? opts->max_iter + 1 : 0;
        res = nt_nmf_result_new(a->m, a->n, opts->k, opts->runs, tlen);
        trace = tlen ? malloc((size_t)tlen * sizeof *trace) : NULL;
        if (!res || (tlen && !trace))
            rc = nt_error_set(err, NT_ENOMEM, "out of memory for the NMF result");
    }
    if (rc == NT_OK) {
        /* OpenBLAS is only called between parallel regions, so it may use as many threads
         * as the solver without oversubscribing the cores (with its OpenMP build, which
         * the project links, they are the very same threads). */
        int blas_threads = openblas_get_num_threads();
        openblas_set_num_threads(st.threads);
        rc = run_all(&st, method, init, hooks, res, trace, err);
        if (rc == NT_OK)
            nt_nmf_result_normalise(res);
        if (rc == NT_OK && opts->project_w && nt_nmf_result_projects_w(opts))
            rc = nt_nmf_final_w(&st, res, err);
        openblas_set_num_threads(blas_threads);
    }
    nt_nmf_state_destroy(&st);
    free(trace);
    if (rc != NT_OK) {
        nt_nmf_result_free(res);
        return rc;
    }
    res->seconds = omp_get_wtime() - start;
    *out = res;
    return NT_OK;
}
