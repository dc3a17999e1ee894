/* kkt_check.c: seeded random numbers and the KKT test for NNLS solutions. */
#include "kkt_check.h"

#include <math.h>

uint64_t nt_test_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

double nt_test_uniform(uint64_t *state)
{
    return (double)(nt_test_next(state) >> 11) * 0x1.0p-53;
}

double nt_test_normal(uint64_t *state)
{
    double u = 1.0 - nt_test_uniform(state), v = nt_test_uniform(state);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static double column_violation(size_t k, size_t j, const double *G, const double *CtB, double l1,
                               const double *X, double gmax)
{
    double cmax = 0, xmax = 0, worst = 0;
    for (size_t i = 0; i < k; i++) {
        cmax = fmax(cmax, fabs(CtB[j * k + i] - l1));
        xmax = fmax(xmax, X[j * k + i]);
    }
    double s = cmax + gmax * xmax;
    if (s == 0)
        s = 1;
    for (size_t i = 0; i < k; i++) {
        double y = l1 - CtB[j * k + i], x = X[j * k + i];
        for (size_t t = 0; t < k; t++)
            y += G[i + t * k] * X[j * k + t];
        double v = x > 0 ? fabs(y) : fmax(-y, 0);
        worst = fmax(worst, fmax(v, -x) / s);
    }
    return worst;
}

double nt_test_kkt_violation(size_t k, size_t r, const double *G, const double *CtB, double l1,
                             const double *X)
{
    double gmax = 0, worst = 0;
    for (size_t i = 0; i < k; i++)
        gmax = fmax(gmax, G[i * (k + 1)]);
    for (size_t j = 0; j < r; j++)
        worst = fmax(worst, column_violation(k, j, G, CtB, l1, X, gmax));
    return worst;
}

void nt_test_normal_equations(size_t rows, size_t k, size_t r, const double *C, const double *B,
                              double *G, double *CtB)
{
    for (size_t a = 0; a < k; a++) {
        for (size_t b = 0; b < k; b++) {
            double s = 0;
            for (size_t i = 0; i < rows; i++)
                s += C[i + a * rows] * C[i + b * rows];
            G[a + b * k] = s;
        }
        for (size_t j = 0; j < r; j++) {
            double s = 0;
            for (size_t i = 0; i < rows; i++)
                s += C[i + a * rows] * B[i + j * rows];
            CtB[j * k + a] = s;
        }
    }
}

double nt_test_nnls_objective(size_t k, size_t r, const double *G, const double *CtB, double bb,
                              const double *X)
{
    double f = 0.5 * bb;
    for (size_t j = 0; j < r; j++)
        for (size_t a = 0; a < k; a++) {
            double xa = X[j * k + a], gx = 0;
            for (size_t b = 0; b < k; b++)
                gx += G[a + b * k] * X[j * k + b];
            f += 0.5 * xa * gx - xa * CtB[j * k + a];
        }
    return f;
}
