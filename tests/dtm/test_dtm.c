/* test_dtm.c: the document-term matrix pipeline: rows and names, binary and empty
 * documents, surface forms, thread-count independence, fixed-vocabulary transforms, the
 * written files, and every error the build reports. */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "test_dtm.h"

static char root[] = "/tmp/nt_test_dtm_XXXXXX";

/* Warnings and progress seen through the hooks. */
typedef struct seen {
    int warnings;
    char last[1024];
    size_t progress_calls, done, total;
} seen;

static void on_log(void *user, nt_log_level level, const char *message)
{
    seen *s = user;
    if (level == NT_LOG_WARNING) {
        s->warnings++;
        snprintf(s->last, sizeof s->last, "%s", message);
    }
}

static void on_progress(void *user, const char *phase, size_t done, size_t total)
{
    seen *s = user;
    ck_assert_str_eq(phase, "reading");
    ck_assert_uint_ge(done, s->done); /* never goes backwards */
    s->progress_calls++;
    s->done = done;
    s->total = total;
}

static void write_file(const char *dir, const char *name, const char *bytes, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(bytes, 1, len, fp), len);
    fclose(fp);
}

/* A new empty folder under root, named name. */
static const char *new_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", root, name);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    return path;
}

static int build_status(const char *dir, const nt_text_options *t, const nt_tfidf_options *f,
                        const nt_hooks *hooks, nt_dtm **d, nt_error *err)
{
    nt_corpus *corpus = NULL;
    int rc = nt_corpus_open_dir(dir, NULL, &corpus, err);
    if (rc == NT_OK)
        rc = nt_dtm_build(corpus, t, f, hooks, d, err);
    nt_corpus_free(corpus);
    return rc;
}

nt_dtm *build_dir(const char *dir, const nt_text_options *t, const nt_tfidf_options *f)
{
    nt_dtm *d = NULL;
    nt_error err;
    nt_error_clear(&err);
    int rc = build_status(dir, t, f, NULL, &d, &err);
    ck_assert_msg(rc == NT_OK, "build of %s failed: %s", dir, err.message);
    return d;
}

/* Options with no df pruning and no stop words, so small corpora keep every token. */
static void plain_options(nt_text_options *t, nt_tfidf_options *f)
{
    nt_text_options_init(t);
    nt_tfidf_options_init(f);
    t->prune.min_df = (nt_df_limit){1, 0};
    t->prune.max_df = (nt_df_limit){1.0, 1};
    t->bundled_stopwords = 0;
}

static double entry(const cholmod_sparse *A, int r, int c)
{
    const int *Ap = A->p, *Ai = A->i;
    for (int p = Ap[c]; p < Ap[c + 1]; p++)
        if (Ai[p] == r)
            return ((const double *)A->x)[p];
    return 0.0;
}

START_TEST(counts_rows_names_and_idf)
{
    const char *dir = new_dir("counts");
    write_file(dir, "a.txt", "Apple banana apple", 18);
    write_file(dir, "b.txt", "banana cherry", 13);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.stem = 0;
    f.use_idf = 0;
    f.norm = NT_NORM_NONE;
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
    const char *dir = new_dir("surfaces");
    const char *text = "Government governments government governing. Running runs runs.";
    write_file(dir, "doc", text, strlen(text));
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

START_TEST(bigrams_skip_stop_words)
{
    const char *dir = new_dir("bigrams");
    const char *text = "state of the union, state of the union";
    write_file(dir, "doc", text, strlen(text));
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.bundled_stopwords = 1;
    t.ngram_max = 2;
    t.stem = 0;
    f.use_idf = 0;
    f.norm = NT_NORM_NONE;
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

/* Deterministic pseudo-random text: words from a small stock, so terms recur. */
static void make_random_corpus(const char *dir, int n_docs)
{
    static const char *const stock[] = {
        "market", "markets", "marketing", "govern", "governments", "nation", "nations",
        "national", "tax", "taxes", "taxation", "war", "wars", "peace", "peaceful", "money",
        "monetary", "trade", "trading", "traders", "law", "laws", "lawful", "the", "and", "of",
        "école", "crème", "naïve", "Zürich", "москва", "αθήνα", "x86", "data_set"};
    uint64_t state = 12345;
    for (int d = 0; d < n_docs; d++) {
        char text[4096] = "", name[32];
        state = state * 6364136223846793005u + 1442695040888963407u;
        int words = (int)((state >> 33) % 60); /* some documents are empty */
        for (int w = 0; w < words; w++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            strcat(text, stock[(state >> 33) % (sizeof stock / sizeof *stock)]);
            strcat(text, w % 7 == 6 ? ". " : " ");
        }
        snprintf(name, sizeof name, "d%04d.txt", d);
        write_file(dir, name, text, strlen(text));
    }
}

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
    const char *dir = new_dir("threads");
    make_random_corpus(dir, 700); /* several batches with one thread, one with three */
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

START_TEST(fixed_vocabulary_reproduces_and_ignores_unknown)
{
    const char *dir = new_dir("fit");
    make_random_corpus(dir, 50);
    nt_text_options t;
    nt_tfidf_options f;
    nt_text_options_init(&t);
    nt_tfidf_options_init(&f);
    t.ngram_max = 2;
    nt_dtm *fit = build_dir(dir, &t, &f);
    nt_corpus *corpus;
    ck_assert_int_eq(nt_corpus_open_dir(dir, NULL, &corpus, NULL), NT_OK);
    nt_dtm *again;
    ck_assert_int_eq(nt_dtm_build_with_vocab(corpus, &t, &f, fit->vocab, fit->idf, NULL, &again,
                                             NULL), NT_OK);
    assert_same_dtm(fit, again); /* the training corpus maps onto itself exactly */
    nt_dtm_free(again);
    nt_corpus_free(corpus);
    const char *other = new_dir("transform");
    const char *text = "markets unheardof markets zebra";
    write_file(other, "new.txt", text, strlen(text));
    write_file(other, "blank.txt", "", 0);
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
    const char *dir = new_dir("write");
    write_file(dir, "one", "alpha beta", 10);
    write_file(dir, "two", "beta gamma gamma", 16);
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

START_TEST(binary_skipped_empty_kept_latin1_counted)
{
    const char *dir = new_dir("mixed");
    write_file(dir, "1.txt", "first words", 11);
    write_file(dir, "2.bin", "bin\0ary", 7);
    write_file(dir, "3.txt", "", 0);
    write_file(dir, "4.txt", "caf\xe9 words", 10); /* Latin-1 é */
    write_file(dir, "5.bin", "\0", 1);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.stem = 0;
    seen s = {0};
    nt_hooks hooks = {on_log, on_progress, &s};
    nt_dtm *d = NULL;
    ck_assert_int_eq(build_status(dir, &t, &f, &hooks, &d, NULL), NT_OK);
    ck_assert_uint_eq(d->A->nrow, 3);
    ck_assert_str_eq(d->doc_names[1], "3.txt"); /* empty document kept as a row */
    ck_assert_str_eq(d->doc_names[2], "4.txt");
    ck_assert_uint_eq(d->stats.skipped_binary, 2);
    ck_assert_uint_eq(d->stats.decoded_latin1, 1);
    ck_assert_uint_eq(d->stats.empty_rows, 1);
    ck_assert_int_eq(s.warnings, 1); /* one warning for both */
    ck_assert_ptr_nonnull(strstr(s.last, "2 binary documents"));
    ck_assert_ptr_nonnull(strstr(s.last, "2.bin"));
    ck_assert_int_ge(nt_vocab_find(d->vocab, "café", strlen("café")), 0);
    ck_assert_uint_ge(s.progress_calls, 1);
    ck_assert_uint_eq(s.done, 5);
    ck_assert_uint_eq(s.total, 5);
    nt_dtm_free(d);
}
END_TEST

START_TEST(lines_corpus_rows_follow_lines)
{
    const char *dir = new_dir("lines");
    write_file(dir, "docs.txt", "alpha beta\n\nbeta gamma\n", 23);
    char path[512];
    snprintf(path, sizeof path, "%s/docs.txt", dir);
    nt_corpus *corpus;
    ck_assert_int_eq(nt_corpus_open_lines(path, NULL, &corpus, NULL), NT_OK);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    nt_dtm *d;
    ck_assert_int_eq(nt_dtm_build(corpus, &t, &f, NULL, &d, NULL), NT_OK);
    ck_assert_uint_eq(d->A->nrow, 3);
    ck_assert_uint_eq(d->stats.empty_rows, 1);
    ck_assert_ptr_nonnull(strstr(d->doc_names[2], ":3"));
    nt_dtm_free(d);
    nt_corpus_free(corpus);
}
END_TEST

START_TEST(norms_hold)
{
    const char *dir = new_dir("norms");
    make_random_corpus(dir, 40);
    nt_text_options t;
    nt_tfidf_options f;
    nt_text_options_init(&t);
    nt_tfidf_options_init(&f);
    f.norm = NT_NORM_L1;
    f.sublinear_tf = 1;
    nt_dtm *d = build_dir(dir, &t, &f);
    double sum[40] = {0};
    const int *Ap = d->A->p, *Ai = d->A->i;
    for (int p = 0; p < Ap[d->A->ncol]; p++)
        sum[Ai[p]] += ((double *)d->A->x)[p];
    for (size_t i = 0; i < d->A->nrow; i++)
        if (sum[i] != 0.0)
            ck_assert_double_eq_tol(sum[i], 1.0, 1e-12);
    nt_dtm_free(d);
}
END_TEST

static void assert_build_fails(const char *dir, const nt_text_options *t, int status,
                               const char *needle)
{
    nt_tfidf_options f;
    nt_tfidf_options_init(&f);
    nt_dtm *d = NULL;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(build_status(dir, t, &f, NULL, &d, &err), status);
    ck_assert_ptr_null(d);
    ck_assert_msg(strstr(err.message, needle), "'%s' lacks '%s'", err.message, needle);
}

START_TEST(empty_and_filtered_corpora_fail)
{
    const char *dir = new_dir("empty");
    write_file(dir, "a", "", 0);
    write_file(dir, "b", "the and of a I", 14);
    nt_text_options t;
    nt_text_options_init(&t);
    assert_build_fails(dir, &t, NT_EEMPTY, "no terms in 2 documents");
    dir = new_dir("binary");
    write_file(dir, "a", "\0", 1);
    assert_build_fails(dir, &t, NT_EEMPTY, "hold NUL bytes");
    dir = new_dir("pruned");
    write_file(dir, "a", "alpha", 5);
    write_file(dir, "b", "beta", 4);
    /* 2 documents: max_df 0.95 is 1.9 documents, below the default min_df 2 */
    assert_build_fails(dir, &t, NT_EINVAL, "max_df 0.95 (1.9 documents) is below min_df 2");
    write_file(dir, "c", "gamma", 5);
    assert_build_fails(dir, &t, NT_EEMPTY, "min_df 2"); /* every term in one document */
}
END_TEST

START_TEST(bad_options_fail)
{
    const char *dir = NT_TEST_DATA_DIR "/dtm/tfidf_corpus";
    nt_text_options t;
    nt_text_options_init(&t);
    t.language = "klingon";
    assert_build_fails(dir, &t, NT_EINVAL, "klingon");
    nt_text_options_init(&t);
    t.stem = 0;
    t.language = "klingon";
    assert_build_fails(dir, &t, NT_EINVAL, "klingon");
    nt_text_options_init(&t);
    t.prune.min_df = (nt_df_limit){5, 0};
    t.prune.max_df = (nt_df_limit){3, 0};
    assert_build_fails(dir, &t, NT_EINVAL, "min_df 5 is above max_df 3");
    nt_text_options_init(&t);
    t.prune.min_df = (nt_df_limit){20, 0};
    t.prune.max_df = (nt_df_limit){0.5, 1}; /* 15 of 30 documents: crosses once counted */
    assert_build_fails(dir, &t, NT_EINVAL, "max_df 0.5 (15 documents) is below min_df 20");
    nt_text_options_init(&t);
    t.ngram_max = 3;
    assert_build_fails(dir, &t, NT_EINVAL, "ngram_max 3");
    nt_text_options_init(&t);
    t.stopwords_file = "/nonexistent/stop.txt";
    assert_build_fails(dir, &t, NT_EIO, "/nonexistent/stop.txt");
    nt_tfidf_options f;
    nt_tfidf_options_init(&f);
    f.norm = (nt_tfidf_norm)7;
    nt_error err;
    ck_assert_int_eq(nt_tfidf_options_check(&f, &err), NT_EINVAL);
}
END_TEST

START_TEST(failed_write_leaves_no_file)
{
    const char *dir = new_dir("nowrite");
    write_file(dir, "a", "alpha beta", 10);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    nt_dtm *d = build_dir(dir, &t, &f);
    char prefix[512];
    snprintf(prefix, sizeof prefix, "%s/missing/out", dir);
    nt_error err;
    ck_assert_int_eq(nt_dtm_write(d, prefix, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "missing/out.mtx"));
    /* a .docs name that is a folder: .mtx and .terms get written, then removed again */
    snprintf(prefix, sizeof prefix, "%s/out", dir);
    char docs[600];
    snprintf(docs, sizeof docs, "%s.docs", prefix);
    ck_assert_int_eq(mkdir(docs, 0755), 0);
    ck_assert_int_eq(nt_dtm_write(d, prefix, &err), NT_EIO);
    char mtx[600];
    snprintf(mtx, sizeof mtx, "%s.mtx", prefix);
    ck_assert_int_eq(access(mtx, F_OK), -1);
    nt_dtm_free(d);
}
END_TEST

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int main(void)
{
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    Suite *s = suite_create("dtm");
    TCase *core = tcase_create("core");
    add_parity_tests(core);
    tcase_add_test(core, counts_rows_names_and_idf);
    tcase_add_test(core, surface_forms_under_stemming);
    tcase_add_test(core, bigrams_skip_stop_words);
    tcase_add_test(core, threads_do_not_change_the_result);
    tcase_add_test(core, fixed_vocabulary_reproduces_and_ignores_unknown);
    tcase_add_test(core, write_produces_three_aligned_files);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, binary_skipped_empty_kept_latin1_counted);
    tcase_add_test(edge, lines_corpus_rows_follow_lines);
    tcase_add_test(edge, norms_hold);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, empty_and_filtered_corpora_fail);
    tcase_add_test(errors, bad_options_fail);
    tcase_add_test(errors, failed_write_leaves_no_file);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
