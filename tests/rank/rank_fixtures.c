/* rank_fixtures.c: a planted topic corpus and hand-made tables, written independently of the
 * library. */
#include "rank_fixtures.h"

#include <math.h>
#include <stdlib.h>

#include "nmftopics/matrix.h"

static double lcg(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

/* The term of one token of document i. */
static size_t draw_term(size_t i, size_t k0, size_t words, size_t background,
                        unsigned long long *s)
{
    size_t topic = i % k0;
    if (i % 3 == 0 && lcg(s) < 0.3)
        topic = (topic + 1) % k0;
    if (lcg(s) < 0.15)
        return k0 * words + (size_t)(lcg(s) * (double)background);
    return topic * words + (size_t)(lcg(s) * (double)words);
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
    unsigned long long s = seed;
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
    size_t nz = 0;
    for (size_t q = 0; q < m * used; q++)
        nz += x[q] != 0.0;
    cholmod_sparse *a = nt_sparse_allocate(m, used, nz);
    int *ap = a->p, *ai = a->i, q = 0;
    double *ax = a->x;
    for (size_t j = 0; j < used; j++) {
        ap[j] = q;
        for (size_t i = 0; i < m; i++)
            if (x[j * m + i] != 0.0) {
                ai[q] = (int)i;
                ax[q++] = x[j * m + i];
            }
    }
    ap[used] = q;
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
