/* nt_test_checks.c: assertions about NMF results: recovery of a planted product, monotone
 * descent of the objective, and the KKT conditions. */
#include <math.h>
#include <stdlib.h>

#include "nt_test.h"
#include "nt_test_nmf.h"

void nt_test_assert_recovers(const nt_test_planted *p, const nt_nmf_options *o)
{
    nt_matrix a = {p->m, p->n, p->s, NULL};
    nt_nmf_result *r = nt_test_fit(&a, o);
    double e = nt_test_rel_error(p->a, p->m, p->n, r->w, r->h, p->k);
    ck_assert_double_lt(e, 1e-6);
    ck_assert_double_eq_tol(r->rel_error, e, 1e-7);
    ck_assert_int_eq(r->converged, 1);
    nt_nmf_result_free(r);
}

void nt_test_assert_descent(const nt_nmf_result *r, double slack, const char *label)
{
    for (int it = 1; it <= r->iterations; it++)
        ck_assert_msg(r->trace[it] <= r->trace[it - 1] + slack,
                      "%s: objective rose at iteration %d", label, it);
    ck_assert_double_lt(r->trace[r->iterations], r->trace[0]);
    ck_assert_double_eq(r->trace[r->iterations], r->objective);
}

void nt_test_assert_complementary(const double *x, const double *grad, size_t len,
                                  double shift, double tol)
{
    for (size_t q = 0; q < len; q++)
        ck_assert_double_le(fabs(fmin(x[q], grad[q] + shift)), tol);
}

void nt_test_assert_kkt(const double *a, const nt_nmf_result *r, double shift, double tol)
{
    size_t m = r->m, n = r->n, k = r->k;
    double *gw = malloc(m * k * sizeof *gw), *gh = malloc(k * n * sizeof *gh);
    ck_assert(gw && gh);
    nt_test_gradients(a, m, n, r->w, r->h, k, gw, gh);
    nt_test_assert_complementary(r->w, gw, m * k, shift, tol);
    nt_test_assert_complementary(r->h, gh, k * n, shift, tol);
    free(gw);
    free(gh);
}
