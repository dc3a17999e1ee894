/* test_dtm_parity.c: the TF-IDF matrix of tests/data/dtm/tfidf_corpus against scikit-learn's
 * TfidfVectorizer, fixture made by scripts/make_tfidf_fixture.py. Agreement is required to
 * 1e-9 per entry (both sides compute in double precision; the differences seen are ~1e-16,
 * from the order of the norm sums). The settings reproduce scikit-learn's defaults: the
 * WORD token pattern (Python's \w\w+), no length cap, no stemming, and scikit-learn's
 * English stop-word list exported next to the fixture. The corpus is chosen so that
 * str.lower() and NFKC + case folding agree on it (the script checks this). */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/dtm.h"
#include "test_dtm.h"

#define FIXTURE NT_TEST_DATA_DIR "/dtm/tfidf_fixture/"
#define TOLERANCE 1e-9

/* The options that make nmftopics tokenize and filter as TfidfVectorizer does. */
static void sklearn_options(nt_text_options *t, nt_tfidf_options *f)
{
    nt_text_options_init(t);
    nt_tfidf_options_init(f);
    t->tokenizer.pattern = NT_TOKENS_WORD;
    t->tokenizer.min_length = 2;
    t->tokenizer.max_length = SIZE_MAX;
    t->stem = 0;
    t->bundled_stopwords = 0;
    t->stopwords_file = NT_TEST_DATA_DIR "/dtm/sklearn_english_stopwords.txt";
    t->prune.min_df = (nt_df_limit){1, 0};
    t->prune.max_df = (nt_df_limit){1.0, 1};
}

/* Compares a file of lines with an array of strings. */
static void assert_lines(const char *path, char *const *expected, size_t n)
{
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char line[512];
    size_t i = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        ck_assert_msg(i < n, "%s: more lines than %zu", path, n);
        ck_assert_msg(strcmp(line, expected[i]) == 0, "%s:%zu: '%s' != '%s'", path, i + 1, line,
                      expected[i]);
        i++;
    }
    fclose(fp);
    ck_assert_msg(i == n, "%s: %zu lines, expected %zu", path, i, n);
}

/* Every entry of the Matrix Market fixture matches, and the nonzero counts agree. */
static void assert_matrix(const char *path, const cholmod_sparse *A)
{
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char line[256];
    do
        ck_assert(fgets(line, sizeof line, fp) != NULL);
    while (line[0] == '%');
    size_t m, n, nnz;
    ck_assert_int_eq(sscanf(line, "%zu %zu %zu", &m, &n, &nnz), 3);
    ck_assert_uint_eq(A->nrow, m);
    ck_assert_uint_eq(A->ncol, n);
    ck_assert_int_eq(((const int *)A->p)[n], (int)nnz);
    int r, c;
    double v;
    for (size_t k = 0; k < nnz; k++) {
        ck_assert_int_eq(fscanf(fp, "%d %d %lf", &r, &c, &v), 3);
        double got = entry(A, r - 1, c - 1);
        ck_assert_msg(fabs(got - v) <= TOLERANCE, "%s: (%d, %d) = %.17g, scikit-learn %.17g",
                      path, r, c, got, v);
    }
    fclose(fp);
}

static void check_variant(const char *variant, const nt_text_options *t,
                          const nt_tfidf_options *f)
{
    nt_dtm *d = build_dir(NT_TEST_DATA_DIR "/dtm/tfidf_corpus", t, f);
    char path[512];
    snprintf(path, sizeof path, FIXTURE "%s.terms", variant);
    assert_lines(path, d->vocab->stems, d->vocab->n_terms);
    assert_lines(FIXTURE "docs.txt", d->doc_names, d->stats.documents);
    snprintf(path, sizeof path, FIXTURE "%s.mtx", variant);
    assert_matrix(path, d->A);
    nt_dtm_free(d);
}

/* The fixture variants scripts/make_tfidf_fixture.py writes, each a change to the
 * scikit-learn defaults (maxfeatures, which needs the fixture's term count, has its own test). */
static const struct variant {
    const char *name;
    int sublinear_tf, use_idf;
    nt_tfidf_norm norm;
    nt_df_limit min_df, max_df;
    int ngram_max;
} variants[] = {
    {"default", 0, 1, NT_NORM_L2, {1, 0}, {1.0, 1}, 1},
    {"sublinear_l1_mindf2", 1, 1, NT_NORM_L1, {2, 0}, {1.0, 1}, 1},
    {"noidf_nonorm_maxdf", 0, 0, NT_NORM_NONE, {1, 0}, {0.1, 1}, 1},
    {"bigrams_mindf2", 0, 1, NT_NORM_L2, {2, 0}, {1.0, 1}, 2},
};

START_TEST(parity_variant)
{
    const struct variant *v = &variants[_i];
    nt_text_options t;
    nt_tfidf_options f;
    sklearn_options(&t, &f);
    f.sublinear_tf = v->sublinear_tf;
    f.use_idf = v->use_idf;
    f.norm = v->norm;
    t.prune.min_df = v->min_df;
    t.prune.max_df = v->max_df;
    t.ngram_max = v->ngram_max;
    check_variant(v->name, &t, &f);
}
END_TEST

START_TEST(parity_max_terms)
{
    nt_text_options t;
    nt_tfidf_options f;
    sklearn_options(&t, &f);
    FILE *fp = fopen(FIXTURE "maxfeatures.terms", "r");
    char line[256];
    size_t n = 0;
    while (fgets(line, sizeof line, fp))
        n++;
    fclose(fp);
    t.prune.max_terms = n; /* the script picked a limit without ties across the cut */
    check_variant("maxfeatures", &t, &f);
}
END_TEST

void add_parity_tests(TCase *tc)
{
    tcase_add_loop_test(tc, parity_variant, 0, (int)(sizeof variants / sizeof *variants));
    tcase_add_test(tc, parity_max_terms);
}
