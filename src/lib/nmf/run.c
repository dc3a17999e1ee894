/* run.c: one run of NMF: initialise, iterate, stop. Frobenius algorithms share this loop:
 * per iteration one product with A^T and one with A, and a Gram matrix per factor. */
#include <math.h>
#include <omp.h>

#include "nmf_internal.h"

static nt_nmf_subproblem side_w(nt_nmf_state *st)
{
    nt_nmf_subproblem sp = {NT_NMF_SIDE_W, st->w, st->m, st->gh, st->aht, st->pen_w, NULL, NULL};
    return sp;
}

static nt_nmf_subproblem side_h(nt_nmf_state *st)
{
    nt_nmf_subproblem sp = {NT_NMF_SIDE_H, st->ht, st->n, st->gw, st->atw, st->pen_h, NULL, NULL};
    return sp;
}

static double penalties(const nt_nmf_state *st)
{
    return nt_nmf_penalty_value(st, st->w, st->m, &st->pen_w) +
           nt_nmf_penalty_value(st, st->ht, st->n, &st->pen_h);
}

/* Gradient norm of both subproblems; needs aht, gh, atw, gw of the current factors. */
static double gradient_norm(nt_nmf_state *st, int projected)
{
    nt_nmf_subproblem w = side_w(st), h = side_h(st);
    return sqrt(nt_nmf_pgrad_sq(st, &w, projected) + nt_nmf_pgrad_sq(st, &h, projected));
}

/* Products and Gram matrices of the initial factors; returns the initial objective. */
static double frobenius_begin(nt_nmf_state *st)
{
    nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    nt_nmf_gram(st->w, st->m, st->k, st->gw);
    nt_nmf_mul_at(st, st->w, st->atw);
    return nt_nmf_half_sq_error(st, st->w, st->aht, st->m, st->gw, st->gh) + penalties(st);
}

/* W step, then H step. On entry aht and gh belong to the current H; on return every
 * product and Gram matrix belongs to the new factors, and *f is their objective. A solver
 * may hand back the Gram matrix of its result (hals forms it while the rows are in cache). */
static int frobenius_step(nt_nmf_state *st, const nt_nmf_method *method, double *f, nt_error *err)
{
    int w_gram = 0, h_gram = 0;
    nt_nmf_subproblem sp = side_w(st);
    sp.gram_out = st->gw;
    sp.gram_done = &w_gram;
    int rc = method->solve(st, &sp, err);
    if (rc != NT_OK)
        return rc;
    nt_nmf_mul_at(st, st->w, st->atw);
    if (!w_gram)
        nt_nmf_gram(st->w, st->m, st->k, st->gw);
    sp = side_h(st);
    sp.gram_out = st->gh;
    sp.gram_done = &h_gram;
    if ((rc = method->solve(st, &sp, err)) != NT_OK)
        return rc;
    if (!h_gram)
        nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_mul_a(st, st->ht, st->aht);
    /* <A, W H> is both <W, A H^T> and <H^T, A^T W>; the shorter factor is cheaper. */
    if (st->m <= st->n)
        *f = nt_nmf_half_sq_error(st, st->w, st->aht, st->m, st->gw, st->gh);
    else
        *f = nt_nmf_half_sq_error(st, st->ht, st->atw, st->n, st->gw, st->gh);
    *f += penalties(st);
    return NT_OK;
}

static double rel_error(nt_nmf_state *st)
{
    nt_nmf_gram(st->ht, st->n, st->k, st->gh);
    nt_nmf_gram(st->w, st->m, st->k, st->gw);
    nt_nmf_mul_at(st, st->w, st->atw);
    double e = nt_nmf_half_sq_error(st, st->ht, st->atw, st->n, st->gw, st->gh);
    return sqrt(2.0 * e / st->a_norm2);
}

static int iterate(nt_nmf_state *st, const nt_nmf_method *method, const nt_hooks *hooks,
                   nt_nmf_run_info *info, nt_error *err)
{
    const nt_nmf_options *o = st->opts;
    int frob = method->solve != NULL, pgrad = o->stop == NT_NMF_STOP_PGRAD;
    double start = omp_get_wtime();
    double f = frob ? frobenius_begin(st) : method->objective(st);
    double g0 = pgrad ? gradient_norm(st, 0) : 0.0;
    if (info->trace)
        info->trace[0] = f;
    for (int it = 1; it <= o->max_iter && !info->converged; it++) {
        double fnew;
        int rc = frob ? frobenius_step(st, method, &fnew, err) : method->iterate(st, err);
        if (rc != NT_OK)
            return rc;
        if (!frob)
            fnew = method->objective(st);
        if (!isfinite(fnew))
            return nt_error_set(err, NT_ENUMERIC, "nmf: the objective became %g at iteration %d",
                                fnew, it);
        if (info->trace)
            info->trace[it] = fnew;
        info->iterations = it;
        info->converged = pgrad ? gradient_norm(st, 1) <= o->tol * g0
                                : fabs(f - fnew) <= o->tol * f;
        f = fnew;
        size_t done = (size_t)info->run * (size_t)o->max_iter + (size_t)it;
        nt_hooks_progress(hooks, "nmf", done, (size_t)o->runs * (size_t)o->max_iter);
        if (o->max_time > 0 && omp_get_wtime() - start >= o->max_time)
            break;
    }
    info->objective = f;
    return NT_OK;
}

int nt_nmf_run(nt_nmf_state *st, const nt_nmf_method *method, nt_nmf_init_fn init, uint64_t seed,
               const nt_hooks *hooks, nt_nmf_run_info *info, nt_error *err)
{
    const nt_nmf_options *o = st->opts;
    info->iterations = 0;
    info->converged = 0;
    nt_nmf_penalty pw = {o->l1_w, o->l2_w, 0.0}, ph = {o->l1_h, o->l2_h, 0.0};
    st->pen_w = pw;
    st->pen_h = ph;
    int rc = init(st, seed, err);
    if (rc == NT_OK && method->setup)
        rc = method->setup(st, err);
    if (rc == NT_OK)
        rc = iterate(st, method, hooks, info, err);
    if (rc == NT_OK && !info->skip_rel_error)
        info->rel_error = method->rel_error ? method->rel_error(st) : rel_error(st);
    if (method->cleanup)
        method->cleanup(st);
    return rc;
}
