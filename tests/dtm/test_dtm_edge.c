/* test_dtm_edge.c: the dtm pipeline on awkward corpora (binary, empty, Latin-1 and line
 * documents) and every error the build and the writer report. */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nt_test.h"
#include "test_dtm.h"

START_TEST(binary_skipped_empty_kept_latin1_counted)
{
    const char *dir = nt_test_make_dir(NULL, "mixed");
    nt_test_write_file(dir, "1.txt", "first words");
    nt_test_write_bytes(dir, "2.bin", "bin\0ary", 7);
    nt_test_write_file(dir, "3.txt", "");
    nt_test_write_file(dir, "4.txt", "caf\xe9 words"); /* Latin-1 é */
    nt_test_write_bytes(dir, "5.bin", "\0", 1);
    nt_text_options t;
    nt_tfidf_options f;
    plain_options(&t, &f);
    t.stem = 0;
    seen s = {0};
    nt_hooks hooks = {seen_log, seen_progress, &s};
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
    const char *dir = nt_test_make_dir(NULL, "lines");
    const char *path = nt_test_write_file(dir, "docs.txt", "alpha beta\n\nbeta gamma\n");
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
    const char *dir = make_random_corpus("norms", 40);
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
    const char *dir = nt_test_make_dir(NULL, "empty");
    nt_test_write_file(dir, "a", "");
    nt_test_write_file(dir, "b", "the and of a I");
    nt_text_options t;
    nt_text_options_init(&t);
    assert_build_fails(dir, &t, NT_EEMPTY, "no terms in 2 documents");
    dir = nt_test_make_dir(NULL, "binary");
    nt_test_write_bytes(dir, "a", "\0", 1);
    assert_build_fails(dir, &t, NT_EEMPTY, "hold NUL bytes");
    dir = nt_test_make_dir(NULL, "pruned");
    nt_test_write_file(dir, "a", "alpha");
    nt_test_write_file(dir, "b", "beta");
    /* 2 documents: max_df 0.5 is 1 document, below the default min_df 2 */
    assert_build_fails(dir, &t, NT_EINVAL, "max_df 0.5 (1 documents) is below min_df 2");
    nt_test_write_file(dir, "c", "gamma");
    nt_test_write_file(dir, "d", "delta"); /* 4 documents: max_df 0.5 reaches min_df 2 */
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
    const char *dir = one_doc_dir("nowrite", "alpha beta");
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

void add_edge_tests(TCase *tc)
{
    NT_TEST_ADD(tc, binary_skipped_empty_kept_latin1_counted, lines_corpus_rows_follow_lines,
                norms_hold);
}

void add_error_tests(TCase *tc)
{
    NT_TEST_ADD(tc, empty_and_filtered_corpora_fail, bad_options_fail,
                failed_write_leaves_no_file);
}
