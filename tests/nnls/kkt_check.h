/* kkt_check.h: a seeded generator and the NNLS optimality test shared by the nnls suites. */
#ifndef NT_TEST_KKT_CHECK_H
#define NT_TEST_KKT_CHECK_H

#include <stddef.h>
#include <stdint.h>

/* splitmix64: a fixed-seed generator, so every test sees the same numbers everywhere. */
uint64_t nt_test_next(uint64_t *state);
double nt_test_uniform(uint64_t *state);  /* in [0, 1) */
double nt_test_normal(uint64_t *state);   /* standard normal, Box-Muller */

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

#endif
