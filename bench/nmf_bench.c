/* nmf_bench.c: times one NMF fit per iteration, and the two products with A it cannot avoid.
 *
 * nmf_bench A.mtx K ALGORITHM W0.mtx H0.mtx MAX_ITER TOL THREADS
 * prints tab-separated lines:
 *   iter  I  SECONDS_SINCE_START  OBJECTIVE  REL_ERROR
 *                     one per iteration; REL_ERROR = sqrt(2 OBJECTIVE) / ||A||_F, which is the
 *                     relative error for the unpenalised Frobenius algorithms
 *   fit   ITERATIONS  SECONDS  REL_ERROR  CONVERGED
 *   floor SECONDS     time of A H^T plus A^T W: the median of 9 repetitions, measured
 *                     before and after the fit, the lower of the two (a shared machine's
 *                     stalls then count against us, not for us)
 * The floor uses the library's own product kernels, with the same threads, so it is the
 * part of an iteration no Frobenius algorithm can skip. */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmf/nmf_internal.h"

static double t0;
static double *stamps; /* size max_iter + 1 */

static void on_progress(void *user, const char *phase, size_t done, size_t total)
{
    (void)user;
    (void)phase;
    (void)total;
    stamps[done] = omp_get_wtime() - t0;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median over 9 repetitions of the time of A H^T plus A^T W, with factors r (or, when r is
 * NULL, the starting point of o). */
static double floor_seconds(const nt_matrix *a, const nt_nmf_options *o, const nt_nmf_result *r)
{
    const double *w = r ? r->w : o->init_w, *h = r ? r->h : o->init_h;
    nt_nmf_state st;
    nt_error err;
    if (nt_nmf_state_create(&st, a, o, 0, &err) != NT_OK) {
        fprintf(stderr, "nmf_bench: %s\n", err.message);
        exit(1);
    }
    for (size_t t = 0; t < st.k; t++) {
        for (size_t i = 0; i < st.m; i++)
            st.w[i * st.k + t] = w[t * st.m + i];
        for (size_t j = 0; j < st.n; j++)
            st.ht[j * st.k + t] = h[t * st.n + j];
    }
    double times[9];
    for (int rep = 0; rep < 9; rep++) {
        double s = omp_get_wtime();
        nt_nmf_mul_a(&st, st.ht, st.aht);
        nt_nmf_mul_at(&st, st.w, st.atw);
        times[rep] = omp_get_wtime() - s;
    }
    nt_nmf_state_destroy(&st);
    qsort(times, 9, sizeof times[0], cmp);
    return times[4];
}

static double *read_factor(const char *path, size_t rows, size_t cols, int transpose)
{
    double *x, *out;
    size_t r, c;
    nt_error err;
    if (nt_dense_read_mtx(path, &x, &r, &c, &err) != NT_OK || r != rows || c != cols) {
        fprintf(stderr, "nmf_bench: %s: not a %zu x %zu matrix\n", path, rows, cols);
        exit(1);
    }
    if (!transpose)
        return x;
    out = malloc(rows * cols * sizeof *out); /* column-major k x n to topic-major rows */
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            out[i * cols + j] = x[j * rows + i];
    free(x);
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 9) {
        fprintf(stderr, "usage: nmf_bench A.mtx K ALGORITHM W0.mtx H0.mtx MAX_ITER TOL THREADS\n");
        return 2;
    }
    cholmod_sparse *A;
    nt_error err;
    if (nt_sparse_read_mtx(argv[1], &A, &err) != NT_OK) {
        fprintf(stderr, "nmf_bench: %s\n", err.message);
        return 1;
    }
    nt_matrix a = {A->nrow, A->ncol, A, NULL};
    nt_nmf_options o;
    nt_nmf_options_init(&o);
    o.k = (size_t)atoi(argv[2]);
    for (int q = 0; q < NT_NMF_ALGORITHM_COUNT; q++)
        if (strcmp(argv[3], nt_nmf_algorithm_name(q)) == 0)
            o.algorithm = q;
    o.init = NT_NMF_INIT_CUSTOM;
    o.init_w = read_factor(argv[4], a.m, o.k, 0);
    o.init_h = read_factor(argv[5], o.k, a.n, 1);
    o.max_iter = atoi(argv[6]);
    o.tol = atof(argv[7]);
    o.threads = atoi(argv[8]);
    o.record_trace = 1;
    stamps = calloc((size_t)o.max_iter + 1, sizeof *stamps);
    nt_hooks hooks = {NULL, on_progress, NULL};
    nt_nmf_result *r;
    double floor_before = floor_seconds(&a, &o, NULL);
    t0 = omp_get_wtime();
    if (nt_nmf_fit(&a, &o, &hooks, &r, &err) != NT_OK) {
        fprintf(stderr, "nmf_bench: %s\n", err.message);
        return 1;
    }
    double a2 = 0.0;
    for (size_t q = 0; q < (size_t)((int *)A->p)[A->ncol]; q++)
        a2 += ((double *)A->x)[q] * ((double *)A->x)[q];
    for (int it = 1; it <= r->iterations; it++)
        printf("iter\t%d\t%.6f\t%.17g\t%.9f\n", it, stamps[it], r->trace[it],
               sqrt(2.0 * r->trace[it] / a2));
    printf("fit\t%d\t%.6f\t%.9f\t%d\n", r->iterations, r->seconds, r->rel_error, r->converged);
    double floor_after = floor_seconds(&a, &o, r);
    printf("floor\t%.6f\n", floor_before < floor_after ? floor_before : floor_after);
    nt_nmf_result_free(r);
    free((void *)o.init_w);
    free((void *)o.init_h);
    free(stamps);
    nt_sparse_free(&A);
    return 0;
}
