/* options.c: NMF option defaults, their validation, and the names of algorithms and inits. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/memory.h"
#include "missing.h"

static const char *const algorithm_names[NT_NMF_ALGORITHM_COUNT] = {
    "hals", "mu", "kl", "anls-bpp", "snmf-r", "snmf-l"};
static const char *const init_names[NT_NMF_INIT_COUNT] = {
    "random", "nndsvd", "nndsvda", "nndsvdar", "custom"};

const char *nt_nmf_algorithm_name(int algorithm)
{
    return algorithm >= 0 && algorithm < NT_NMF_ALGORITHM_COUNT ? algorithm_names[algorithm] : NULL;
}

const char *nt_nmf_init_name(int init)
{
    return init >= 0 && init < NT_NMF_INIT_COUNT ? init_names[init] : NULL;
}

void nt_nmf_options_init(nt_nmf_options *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->k = 10;
    opts->algorithm = NT_NMF_HALS;
    opts->init = NT_NMF_INIT_NNDSVDA;
    opts->seed = 1;
    opts->runs = 1;
    opts->max_iter = 200;
    opts->tol = 1e-4;
    opts->stop = NT_NMF_STOP_OBJECTIVE;
    opts->snmf_beta = 0.01;
    opts->snmf_eta = -1.0;
}

static int bad_number(double v)
{
    return !isfinite(v) || v < 0;
}

/* Checks of the penalties and of what only some algorithms support. */
static int check_penalties(const nt_nmf_options *o, const nt_nmf_method *method, nt_error *err)
{
    const char *name = nt_nmf_algorithm_name(o->algorithm);
    if (bad_number(o->l1_w) || bad_number(o->l1_h) || bad_number(o->l2_w) || bad_number(o->l2_h))
        return nt_error_set(err, NT_EINVAL, "penalties l1-w, l1-h, l2-w, l2-h must be finite and "
                                            ">= 0 (got %g, %g, %g, %g)",
                            o->l1_w, o->l1_h, o->l2_w, o->l2_h);
    int penalised = o->l1_w != 0 || o->l1_h != 0 || o->l2_w != 0 || o->l2_h != 0;
    if (!method->solve && penalised)
        return nt_error_set(err, NT_EINVAL, "L1/L2 penalties apply to the Frobenius algorithms, "
                                            "not to %s", name);
    if (!method->solve && o->stop == NT_NMF_STOP_PGRAD)
        return nt_error_set(err, NT_EINVAL, "the projected-gradient stop applies to the "
                                            "Frobenius algorithms, not to %s", name);
    if (bad_number(o->snmf_beta) || (bad_number(o->snmf_eta) && o->snmf_eta != -1.0))
        return nt_error_set(err, NT_EINVAL, "snmf beta must be >= 0 and eta >= 0 or -1 for "
                                            "max(A) (got %g, %g)", o->snmf_beta, o->snmf_eta);
    return NT_OK;
}

int nt_nmf_options_check_settings(const nt_nmf_options *o, nt_error *err)
{
    const char *aname = nt_nmf_algorithm_name(o->algorithm);
    const nt_nmf_method *method = nt_nmf_method_find(o->algorithm);
    if (!method)
        return nt_error_set(err, NT_EINVAL, "algorithm %s is not available in this build",
                            aname ? aname : "(out of range)");
    const char *iname = nt_nmf_init_name(o->init);
    if (!nt_nmf_init_find(o->init))
        return nt_error_set(err, NT_EINVAL, "init %s is not available in this build",
                            iname ? iname : "(out of range)");
    if (o->runs < 1 || o->max_iter < 1 || o->threads < 0)
        return nt_error_set(err, NT_EINVAL, "runs (%d) and max-iter (%d) must be >= 1 and threads "
                                            "(%d) >= 0", o->runs, o->max_iter, o->threads);
    if (bad_number(o->tol) || bad_number(o->max_time))
        return nt_error_set(err, NT_EINVAL, "tol (%g) and max-time (%g) must be finite and >= 0",
                            o->tol, o->max_time);
    if (o->stop != NT_NMF_STOP_OBJECTIVE && o->stop != NT_NMF_STOP_PGRAD)
        return nt_error_set(err, NT_EINVAL, "stop rule %d is unknown", o->stop);
    int rc = check_penalties(o, method, err);
    /* No size yet: SIZE_MAX bounds no hold-out entry, the rest of the check is the same. */
    return rc != NT_OK ? rc : nt_nmf_missing_check(o, SIZE_MAX, SIZE_MAX, err);
}

int nt_nmf_options_check(const nt_nmf_options *o, size_t m, size_t n, nt_error *err)
{
    size_t kmax = m < n ? m : n;
    if (o->k < 1 || o->k > kmax)
        return nt_error_set(err, NT_EINVAL, "rank k = %zu is out of range: it must be from 1 to "
                                            "min(rows, columns) = %zu for a %zu x %zu matrix",
                            o->k, kmax, m, n);
    /* The factors, their products with A, the scratch and the result (state.c, result.c)
     * hold (3 (m + n) + max(m, n)) k doubles: a size the memory cannot hold is refused at
     * once rather than left to exhaust it page by page. */
    double bytes = (3.0 * ((double)m + (double)n) + (double)(m > n ? m : n)) * (double)o->k *
                   sizeof(double);
    if (bytes > nt_memory_budget())
        return nt_error_set(err, NT_ENOMEM, "rank k = %zu for a %zu x %zu matrix needs about "
                                            "%.3g GB for the factors, more than the %.3g GB of "
                                            "memory (NT_MEMORY_LIMIT)", o->k, m, n, bytes / 1e9,
                            nt_memory_budget() / 1e9);
    int rc = nt_nmf_options_check_settings(o, err);
    if (rc != NT_OK)
        return rc;
    if (o->init == NT_NMF_INIT_CUSTOM && (!o->init_w || !o->init_h))
        return nt_error_set(err, NT_EINVAL, "custom init needs both W and H");
    return nt_nmf_missing_check(o, m, n, err);
}
