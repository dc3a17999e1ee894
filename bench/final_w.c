/* final_w.c: what making fit's W the transform's W costs. For a corpus folder and k, builds
 * the TF-IDF matrix with the default text options, fits with the default NMF options, then
 * runs nt_nmf_result_project, and prints both times (median of RUNS), their ratio, the
 * relative errors before and after, and how far W moved (relative Frobenius difference).
 * Usage: final_w DIR K [THREADS [RUNS]] */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/nmf.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int compare(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static int fail(const nt_error *err)
{
    fprintf(stderr, "final_w: %s\n", err->message);
    return EXIT_FAILURE;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: final_w DIR K [THREADS [RUNS]]\n");
        return 2;
    }
    int threads = argc > 3 ? atoi(argv[3]) : 0, runs = argc > 4 ? atoi(argv[4]) : 5;
    nt_error err;
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options opts;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&opts);
    text.threads = opts.threads = threads;
    opts.k = (size_t)atoi(argv[2]);
    nt_corpus *corpus;
    nt_dtm *dtm;
    if (nt_corpus_open_dir(argv[1], NULL, &corpus, &err) != NT_OK ||
        nt_dtm_build(corpus, &text, &tfidf, NULL, &dtm, &err) != NT_OK)
        return fail(&err);
    nt_matrix a = {dtm->A->nrow, dtm->A->ncol, dtm->A, NULL};
    double fit_s[64], project_s[64], before = 0, after = 0, moved = 0;
    int iterations = 0;
    runs = runs < 1 ? 1 : runs > 64 ? 64 : runs;
    for (int r = 0; r < runs; r++) {
        nt_nmf_result *res;
        double t0 = now();
        if (nt_nmf_fit(&a, &opts, NULL, &res, &err) != NT_OK)
            return fail(&err);
        double t1 = now();
        size_t len = res->m * res->k;
        double *w0 = malloc(len * sizeof *w0);
        memcpy(w0, res->w, len * sizeof *w0);
        before = res->rel_error;
        if (nt_nmf_result_project(&a, &opts, res, &err) != NT_OK)
            return fail(&err);
        fit_s[r] = t1 - t0;
        project_s[r] = now() - t1;
        double d = 0, norm = 0;
        for (size_t q = 0; q < len; q++) {
            d += (res->w[q] - w0[q]) * (res->w[q] - w0[q]);
            norm += w0[q] * w0[q];
        }
        moved = sqrt(d / norm);
        after = res->rel_error;
        iterations = res->iterations;
        free(w0);
        nt_nmf_result_free(res);
    }
    qsort(fit_s, (size_t)runs, sizeof *fit_s, compare);
    qsort(project_s, (size_t)runs, sizeof *project_s, compare);
    double f = fit_s[runs / 2], p = project_s[runs / 2];
    printf("%s: %zu x %zu, %d nonzeros, k = %zu, %d iterations; fit %.4f s, final W %.4f s "
           "(%.1f%% of the fit); relative error %.6f -> %.6f; W moved %.4f (relative)\n",
           argv[1], a.m, a.n, ((const int *)dtm->A->p)[a.n], opts.k, iterations, f, p,
           100.0 * p / f, before, after, moved);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
    return 0;
}
