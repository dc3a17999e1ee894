/* test_dtm.c: the document-term matrix pipeline: counts, idf and rows, surface forms,
 * bigrams, thread-count independence, fixed-vocabulary transforms and the written files;
 * the suite's entry point (edge cases and errors in test_dtm_edge.c, scikit-learn parity
 * in test_dtm_parity.c). */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nt_test.h"
#include "test_dtm.h"

START_TEST(counts_rows_names_and_idf)
{
    const char *dir = fruit_dir("counts");
    nt_text_options t;
    nt_tfidf_options f;
    count_options(&t, &f);
    nt_dtm *d = build_dir(dir, &t, &f);
    ck_assert_uint_eq(d->A->nrow, 2);
    ck_assert_uint_eq(d->A->ncol, 3);
    ck_assert_str_eq(d->doc_names[0], "a.txt");
    ck_assert_str_eq(d->vocab->stems[0], "apple");
    ck_assert(entry(d->A, 0, 0) == 2.0); /* raw counts without idf and norm */
    ck_assert(entry(d->A, 0, 1) == 1.0);
    ck_assert(entry(d->A, 1, 2) == 1.0);
    ck_assert(d->A->sorted && d->A->packed && d->A->xtype == CHOLMOD_REAL);
    ck_assert_int_eq(d->vocab->df[1], 2);
    ck_assert_int_eq(d->vocab->counts[0], 2);
    ck_assert_uint_eq(d->stats.tokens, 5);
    ck_assert_uint_eq(d->stats.bytes, 31);
    nt_dtm_free(d);
    /* default weighting: idf(banana) = ln(3/3) + 1 = 1, idf(apple) = ln(3/2) + 1; l2 rows */
    f.use_idf = 1;
    f.norm = NT_NORM_L2;
    d = build_dir(dir, &t, &f);
    double apple = 2 * (log(1.5) + 1), banana = 1;
    double norm = sqrt(apple * apple + banana * banana);
    ck_assert_double_eq_tol(d->idf[0], log(1.5) + 1, 1e-15);
    ck_assert_double_eq_tol(entry(d->A, 0, 0), apple / norm, 1e-15);
    ck_assert_double_eq_tol(entry(d->A, 0, 1), banana / norm, 1e-15);
    nt_dtm_free(d);
}
END_TEST

START_TEST(surface_forms_under_stemming)
{
    const char *text = "Government governments government governing. Running runs runs.";
    const char *dir = one_doc_dir("surfaces", text);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    nt_dtm *d = build_dir(dir, &t, &f);
    long gov = nt_vocab_find(d->vocab, "govern", 6);
    long run = nt_vocab_find(d->vocab, "run", 3);
    ck_assert_int_ge(gov, 0);
    ck_assert_int_ge(run, 0);
    ck_assert_str_eq(d->vocab->surfaces[gov], "government");
    ck_assert_int_eq(d->vocab->counts[gov], 4);
    ck_assert_str_eq(d->vocab->surfaces[run], "runs");
    nt_dtm_free(d);
}
END_TEST

/* Surfaces are offered only for terms that reach min_df (here a fraction: 1.5 of the 3
 * documents), yet every kept term has its own: a kept bigram whose first unigram is pruned
 * by max_df ("the", in every document) still joins the real surfaces. */
START_TEST(surfaces_of_kept_terms_under_df_bounds)
{
    const char *dir = nt_test_make_dir(NULL, "bounded");
    nt_test_write_file(dir, "a.txt", "the governments governing the governments. runs running");
    nt_test_write_file(dir, "b.txt", "the governments governing. runs quickly");
    nt_test_write_file(dir, "c.txt", "the rare words");
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.ngram_max = 2;
    t.prune.min_df = (nt_df_limit){0.5, 1};
    t.prune.max_df = (nt_df_limit){0.9, 1};
    nt_dtm *d = build_dir(dir, &t, &f);
    long gov = nt_vocab_find(d->vocab, "govern", 6), run = nt_vocab_find(d->vocab, "run", 3);
    long the_gov = nt_vocab_find(d->vocab, "the govern", 10);
    ck_assert_int_ge(gov, 0);
    ck_assert_int_ge(run, 0);
    ck_assert_int_ge(the_gov, 0);
    ck_assert_int_lt(nt_vocab_find(d->vocab, "the", 3), 0);
    ck_assert_int_lt(nt_vocab_find(d->vocab, "rare", 4), 0);
    ck_assert_str_eq(d->vocab->surfaces[gov], "governments");
    ck_assert_str_eq(d->vocab->surfaces[run], "runs");
    ck_assert_str_eq(d->vocab->surfaces[the_gov], "the governments");
    nt_dtm_free(d);
}
END_TEST

START_TEST(bigrams_skip_stop_words)
{
    const char *dir = one_doc_dir("bigrams", "state of the union, state of the union");
    nt_text_options t;
    nt_tfidf_options f;
    count_options(&t, &f);
    t.bundled_stopwords = 1;
    t.ngram_max = 2;
    nt_dtm *d = build_dir(dir, &t, &f);
    /* "of the" are stop words: bigrams join the remaining neighbours, across the comma */
    ck_assert_uint_eq(d->vocab->n_terms, 4);
    ck_assert_str_eq(d->vocab->stems[0], "state");
    ck_assert_str_eq(d->vocab->stems[1], "state union");
    ck_assert_str_eq(d->vocab->stems[3], "union state");
    ck_assert(entry(d->A, 0, 1) == 2.0);
    ck_assert(entry(d->A, 0, 3) == 1.0);
    nt_dtm_free(d);
}
END_TEST

START_TEST(extra_stopwords_are_removed)
{
    const char *dir = fruit_dir("extra");
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.stem = 0;
    /* Listed words are normalised like the tokens: "APPLE" removes "apple". */
    const char *const extra[] = {"APPLE", "cherry", NULL};
    t.extra_stopwords = extra;
    nt_dtm *d = build_dir(dir, &t, &f);
    ck_assert_uint_eq(d->vocab->n_terms, 1);
    ck_assert_str_eq(d->vocab->stems[0], "banana");
    ck_assert_uint_eq(d->stats.tokens, 5);
    nt_dtm_free(d);
}
END_TEST

static void assert_same_dtm(const nt_dtm *a, const nt_dtm *b)
{
    ck_assert_uint_eq(a->A->nrow, b->A->nrow);
    ck_assert_uint_eq(a->A->ncol, b->A->ncol);
    size_t n = a->A->ncol, nnz = (size_t)((const int *)a->A->p)[n];
    ck_assert_int_eq(memcmp(a->A->p, b->A->p, (n + 1) * sizeof(int)), 0);
    ck_assert_int_eq(memcmp(a->A->i, b->A->i, nnz * sizeof(int)), 0);
    ck_assert_int_eq(memcmp(a->A->x, b->A->x, nnz * sizeof(double)), 0); /* bit-identical */
    ck_assert_int_eq(memcmp(a->idf, b->idf, n * sizeof(double)), 0);
    for (size_t j = 0; j < n; j++) {
        ck_assert_str_eq(a->vocab->stems[j], b->vocab->stems[j]);
        ck_assert_str_eq(a->vocab->surfaces[j], b->vocab->surfaces[j]);
        ck_assert_int_eq(a->vocab->df[j], b->vocab->df[j]);
        ck_assert_int_eq(a->vocab->counts[j], b->vocab->counts[j]);
    }
    for (size_t i = 0; i < a->A->nrow; i++)
        ck_assert_str_eq(a->doc_names[i], b->doc_names[i]);
}

START_TEST(threads_do_not_change_the_result)
{
    /* several batches with one thread, one with three */
    const char *dir = make_random_corpus("threads", 700);
    nt_text_options t;
    nt_tfidf_options f;
    nt_text_options_init(&t);
    nt_tfidf_options_init(&f);
    t.ngram_max = 2;
    t.threads = 1;
    nt_dtm *one = build_dir(dir, &t, &f);
    t.threads = 3;
    nt_dtm *three = build_dir(dir, &t, &f);
    ck_assert_uint_eq(one->A->nrow, 700);
    ck_assert_uint_gt(one->stats.empty_rows, 0);
    assert_same_dtm(one, three);
    nt_dtm_free(one);
    nt_dtm_free(three);
}
END_TEST

/* A corpus dropped from the page cache (read the way a first run does, the readers asking
 * for the documents ahead of them) gives the same matrix as a cached one, on 2 threads. */
START_TEST(uncached_corpus_gives_the_same_result)
{
    const char *dir = make_random_corpus("uncached", 400);
    nt_text_options t;
    nt_tfidf_options f;
    nt_text_options_init(&t);
    nt_tfidf_options_init(&f);
    t.ngram_max = 2; /* the 34 stock words alone are all above max_df */
    t.threads = 2;
    nt_dtm *cached = build_dir(dir, &t, &f);
    nt_test_evict_folder(dir); /* where the cache keeps files (tmpfs), read cached again */
    nt_dtm *uncached = build_dir(dir, &t, &f);
    assert_same_dtm(cached, uncached);
    nt_dtm_free(cached);
    nt_dtm_free(uncached);
}
END_TEST

START_TEST(fixed_vocabulary_reproduces_and_ignores_unknown)
{
    const char *dir = make_random_corpus("fit", 50);
    nt_text_options t;
    nt_tfidf_options f;
    nt_text_options_init(&t);
    nt_tfidf_options_init(&f);
    t.ngram_max = 2;
    t.prune.max_df = (nt_df_limit){1.0, 1}; /* keep "market", frequent in this corpus */
    nt_dtm *fit = build_dir(dir, &t, &f);
    nt_corpus *corpus;
    ck_assert_int_eq(nt_corpus_open_dir(dir, NULL, &corpus, NULL), NT_OK);
    nt_dtm *again;
    ck_assert_int_eq(nt_dtm_build_with_vocab(corpus, &t, &f, fit->vocab, fit->idf, NULL, &again,
                                             NULL), NT_OK);
    assert_same_dtm(fit, again); /* the training corpus maps onto itself exactly */
    nt_dtm_free(again);
    nt_corpus_free(corpus);
    const char *other = nt_test_make_dir(NULL, "transform");
    nt_test_write_file(other, "new.txt", "markets unheardof markets zebra");
    nt_test_write_file(other, "blank.txt", "");
    ck_assert_int_eq(nt_corpus_open_dir(other, NULL, &corpus, NULL), NT_OK);
    ck_assert_int_eq(nt_dtm_build_with_vocab(corpus, &t, &f, fit->vocab, fit->idf, NULL, &again,
                                             NULL), NT_OK);
    ck_assert_uint_eq(again->A->nrow, 2);
    ck_assert_uint_eq(again->A->ncol, fit->A->ncol);
    long market = nt_vocab_find(fit->vocab, "market", 6);
    ck_assert_int_ge(market, 0);
    ck_assert_double_eq_tol(entry(again->A, 1, (int)market), 1.0, 1e-15); /* only known term */
    ck_assert_int_eq(((int *)again->A->p)[again->A->ncol], 1);
    ck_assert_uint_eq(again->stats.empty_rows, 1);
    nt_dtm_free(again);
    nt_corpus_free(corpus);
    nt_dtm_free(fit);
}
END_TEST

START_TEST(write_produces_three_aligned_files)
{
    const char *dir = nt_test_make_dir(NULL, "write");
    nt_test_write_file(dir, "one", "alpha beta");
    nt_test_write_file(dir, "two", "beta gamma gamma");
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    nt_dtm *d = build_dir(dir, &t, &f);
    char prefix[512], path[600], line[256];
    snprintf(prefix, sizeof prefix, "%s/out", dir);
    ck_assert_int_eq(nt_dtm_write(d, prefix, NULL), NT_OK);
    snprintf(path, sizeof path, "%s.terms", prefix);
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    ck_assert_str_eq(line, "alpha\talpha\t1\n");
    fclose(fp);
    snprintf(path, sizeof path, "%s.docs", prefix);
    fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    ck_assert_str_eq(line, "one\n");
    fclose(fp);
    snprintf(path, sizeof path, "%s.mtx", prefix);
    fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    ck_assert_ptr_nonnull(strstr(line, "%%MatrixMarket matrix coordinate real"));
    fclose(fp);
    nt_dtm_free(d);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("dtm", &tc);
    add_parity_tests(tc.core);
    add_assemble_tests(tc.core);
    NT_TEST_ADD(tc.core, counts_rows_names_and_idf, surface_forms_under_stemming,
                surfaces_of_kept_terms_under_df_bounds,
                bigrams_skip_stop_words, extra_stopwords_are_removed,
                threads_do_not_change_the_result, uncached_corpus_gives_the_same_result,
                fixed_vocabulary_reproduces_and_ignores_unknown,
                write_produces_three_aligned_files);
    add_edge_tests(tc.edge);
    add_error_tests(tc.errors);
    return nt_test_main(s);
}
