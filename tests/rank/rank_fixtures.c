/* rank_fixtures.c: a planted topic corpus and hand-made tables, written independently of the
 * library. */
#include "rank_fixtures.h"

#include <math.h>
#include <stdlib.h>

#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "nt_test_nmf.h"

/* The term of one token of document i. */
static size_t draw_term(size_t i, size_t k0, size_t words, size_t background, uint64_t *s)
{
    size_t topic = i % k0;
    if (i % 3 == 0 && nt_test_lcg(s) < 0.3)
        topic = (topic + 1) % k0;
    if (nt_test_lcg(s) < 0.15)
        return k0 * words + (size_t)(nt_test_lcg(s) * (double)background);
    return topic * words + (size_t)(nt_test_lcg(s) * (double)words);
}

/* Counts to TF-IDF with L2-normalised rows, dense column-major m x n. */
static void tfidf(double *x, size_t m, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        size_t df = 0;
        for (size_t i = 0; i < m; i++)
            df += x[j * m + i] > 0.0;
        double idf = log((1.0 + (double)m) / (1.0 + (double)df)) + 1.0;
        for (size_t i = 0; i < m; i++)
            x[j * m + i] *= idf;
    }
    for (size_t i = 0; i < m; i++) {
        double s = 0.0;
        for (size_t j = 0; j < n; j++)
            s += x[j * m + i] * x[j * m + i];
        for (size_t j = 0; j < n && s > 0.0; j++)
            x[j * m + i] /= sqrt(s);
    }
}

cholmod_sparse *planted_corpus(size_t m, size_t k0, size_t words, size_t background,
                               size_t tokens, unsigned seed)
{
    size_t n = k0 * words + background, used = 0;
    uint64_t s = seed;
    double *x = calloc(m * n, sizeof *x);
    for (size_t i = 0; i < m; i++)
        for (size_t t = 0; t < tokens; t++)
            x[draw_term(i, k0, words, background, &s) * m + i] += 1.0;
    for (size_t j = 0; j < n; j++) {  /* drop unused columns */
        double any = 0.0;
        for (size_t i = 0; i < m; i++)
            any += x[j * m + i];
        for (size_t i = 0; i < m && any > 0.0; i++)
            x[used * m + i] = x[j * m + i];
        used += any > 0.0;
    }
    tfidf(x, m, used);
    cholmod_sparse *a = nt_test_sparse_from_dense(x, m, used);
    free(x);
    return a;
}

nt_rank_table *table_of(size_t nk, const size_t *ks, const double *cv, const double *coph,
                        int runs)
{
    nt_rank_table *t = calloc(1, sizeof *t);
    t->rows = calloc(nk, sizeof *t->rows);
    t->nk = nk;
    t->runs = runs;
    for (size_t q = 0; q < nk; q++) {
        t->rows[q].k = ks[q];
        t->rows[q].cv_error = cv[q];
        t->rows[q].cophenetic = coph[q];
        t->rows[q].dispersion = coph[q];
    }
    return t;
}
