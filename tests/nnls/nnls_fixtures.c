/* nnls_fixtures.c: seeded data and independent references (KKT, enumeration) for NNLS tests. */
#include "nnls_fixtures.h"

#include <math.h>
#include <stdlib.h>

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

/* Solves G_SS z_S = c_S for the unknowns idx[0..q) by Gaussian elimination with partial
 * pivoting; z is zero elsewhere. */
static void solve_subset(int k, const double *G, const double *c, const int *idx, int q,
                         double *z)
{
    double M[8][9];
    for (int a = 0; a < q; a++) {
        for (int b = 0; b < q; b++)
            M[a][b] = G[idx[a] + idx[b] * k];
        M[a][q] = c[idx[a]];
    }
    for (int col = 0; col < q; col++) {
        int piv = col;
        for (int r = col + 1; r < q; r++)
            piv = fabs(M[r][col]) > fabs(M[piv][col]) ? r : piv;
        for (int b = 0; b <= q; b++) {
            double t = M[col][b];
            M[col][b] = M[piv][b], M[piv][b] = t;
        }
        for (int r = col + 1; r < q; r++)
            for (int b = q; b >= col; b--)
                M[r][b] -= M[r][col] / M[col][col] * M[col][b];
    }
    for (int i = 0; i < k; i++)
        z[i] = 0;
    for (int a = q - 1; a >= 0; a--) {
        double v = M[a][q];
        for (int b = a + 1; b < q; b++)
            v -= M[a][b] * z[idx[b]];
        z[idx[a]] = v / M[a][a];
    }
}

int nt_test_nnls_enumerate(int k, const double *G, const double *c, double *x)
{
    int found = 0;
    for (unsigned set = 0; set < (1u << k); set++) {
        int idx[8], q = 0, ok = 1;
        double z[8];
        for (int i = 0; i < k; i++)
            if (set >> i & 1)
                idx[q++] = i;
        solve_subset(k, G, c, idx, q, z);
        for (int i = 0; i < k; i++) {
            double y = -c[i];
            for (int t = 0; t < k; t++)
                y += G[i + t * k] * z[t];
            ok &= (set >> i & 1) ? z[i] >= 0 : y >= -1e-12;
        }
        if (ok) {
            found++;
            for (int i = 0; i < k; i++)
                x[i] = z[i];
        }
    }
    return found;
}

test_problem test_problem_random(size_t rows, size_t k, size_t r, uint64_t seed)
{
    test_problem p = {rows, k, r, malloc(rows * k * 8), malloc(rows * r * 8),
                      malloc(k * k * 8), malloc(k * r * 8), calloc(k * r, 8)};
    for (size_t i = 0; i < rows * k; i++)
        p.C[i] = nt_test_uniform(&seed);
    for (size_t i = 0; i < rows * r; i++)
        p.B[i] = nt_test_normal(&seed);
    nt_test_normal_equations(rows, k, r, p.C, p.B, p.G, p.CtB);
    return p;
}

void test_problem_free(test_problem *p)
{
    free(p->C), free(p->B), free(p->G), free(p->CtB), free(p->X);
}

int test_problem_solve(const test_problem *p, double l1, int threads, int warm,
                       nt_nnls_stats *st)
{
    nt_nnls_workspace *ws = nt_nnls_workspace_create(p->k, threads);
    ck_assert_ptr_nonnull(ws);
    nt_nnls_problem np = {p->k, p->r, p->G, p->CtB, l1};
    int rc = nt_nnls_bpp_solve(ws, &np, p->X, warm, st, NULL);
    nt_nnls_workspace_free(ws);
    return rc;
}
