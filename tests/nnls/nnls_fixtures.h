/* nnls_fixtures.h: seeded data, independent NNLS references and the tcases of the nnls suite. */
#ifndef NT_TEST_NNLS_FIXTURES_H
#define NT_TEST_NNLS_FIXTURES_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "nmf/nnls_bpp.h"
#include "nt_test.h"

/* Relative KKT violation accepted on well-conditioned problems: the solver's own
 * tolerance is 1e-11 of the same scale; rounding in the tests' y adds k * 1e-16. */
#define KKT_TOL 1e-9

/* Largest violation of the KKT conditions of min_{x>=0} 1/2 x'Gx - (c - l1)'x over the
 * r right-hand sides of CtB and X (entry (t, j) at [j*k + t], as the solver), each
 * column's violation divided by s_j = max_i |c_ij - l1| + max_i G_ii * max_i x_ij:
 * negative x_i, negative y_i = (G x - c + l1)_i, and y_i != 0 where x_i > 0. */
double nt_test_kkt_violation(size_t k, size_t r, const double *G, const double *CtB, double l1,
                             const double *X);

/* G = C'C (k x k, column-major) and CtB = C'B (column j at [j*k]) for a column-major
 * C (rows x k) and B (rows x r). */
void nt_test_normal_equations(size_t rows, size_t k, size_t r, const double *C, const double *B,
                              double *G, double *CtB);

/* 1/2 ||C x_j - b_j||^2 summed over j, from the normal equations plus sum ||b_j||^2. */
double nt_test_nnls_objective(size_t k, size_t r, const double *G, const double *CtB, double bb,
                              const double *X);

/* The solution by enumeration: the unique passive set S (G positive definite) whose
 * solution of G_SS x_S = c_S is >= 0 with y = G x - c >= -1e-12 off S. k <= 8. Writes x and
 * returns how many passive sets passed (1 when the problem is well posed). */
int nt_test_nnls_enumerate(int k, const double *G, const double *c, double *x);

/* A random problem: C (rows x k) uniform in [0,1), B (rows x r) normal, so active sets
 * vary; G, CtB its normal equations, X the solution buffer (zeroed). */
typedef struct test_problem {
    size_t rows, k, r;
    double *C, *B, *G, *CtB, *X;
} test_problem;

test_problem test_problem_random(size_t rows, size_t k, size_t r, uint64_t seed);
void test_problem_free(test_problem *p);

/* Solves p into p->X with a fresh workspace; returns the solver's status. */
int test_problem_solve(const test_problem *p, double l1, int threads, int warm,
                       nt_nnls_stats *st);

/* The tests of the nnls suite (test_nnls_core.c, test_nnls_edge.c). */
void nnls_add_core_tests(TCase *core);
void nnls_add_edge_tests(TCase *edge);
void nnls_add_error_tests(TCase *errors);

#endif
