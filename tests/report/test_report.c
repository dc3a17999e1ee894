/* test_report.c: the topic report as text, TSV and JSON, for a hand-made model. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <ctype.h>
#include <dirent.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nmftopics/report.h"
#include "nt_test.h"

static char dir[] = "/tmp/nt_test_report_XXXXXX";

/* 2 topics over 4 terms; topic 2 ties "beta" and "delta" (the lower column wins). */
static char *stems[4] = {"alpha", "beta", "gamma", "delta"};
static char *surfaces[4] = {"alphas", "beta", "gammé", "deltas"};
static double h[8] = {0.5, 0.3, 0.2, 0.0, /* topic 1 */ 0.1, 0.3, 0.3, 0.3 /* topic 2 */};
static double share[2] = {0.25, 0.75};
static double idf[4] = {1, 1, 1, 1};

static nt_vocab vocab = {4, stems, surfaces, NULL, NULL};
static nt_model model;

static void setup(void)
{
    memset(&model, 0, sizeof model);
    nt_text_options_init(&model.text);
    nt_tfidf_options_init(&model.tfidf);
    nt_nmf_options_init(&model.nmf);
    model.k = model.nmf.k = 2;
    model.n = 4;
    model.vocab = &vocab;
    model.idf = idf;
    model.share = share;
    model.h = h;
    model.fit = (nt_model_fit){.documents = 3, .nonzeros = 7, .iterations = 12, .objective = 0.5,
                               .rel_error = 0.25, .converged = 1};
}

/* 3 documents; the third shares no term with the model. */
static const char *names[3] = {"one.txt", "two \"quoted\"\\.txt", "empty.txt"};
static double w[6] = {3.0, 1.0, 0.0, /* topic 1 */ 1.0, 3.0, 0.0 /* topic 2 */};
static const nt_doc_topics docs = {3, 2, names, w};

/* Runs writer into a memory buffer; returns the text (free it). The stream's variables are
 * static: with them on the stack GCC takes the text for a pointer to them. */
static char *capture(int (*writer)(FILE *, const void *), const void *arg)
{
    static char *buf;
    static size_t len;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_int_eq(writer(fp, arg), NT_OK);
    fclose(fp);
    return buf;
}

static nt_report_options opts;

static int text_with_docs(FILE *fp, const void *arg)
{
    return nt_report_write_text(fp, &model, arg, &opts, NULL);
}

static int topics_tsv(FILE *fp, const void *arg)
{
    (void)arg;
    return nt_report_write_topics_tsv(fp, &model, &opts, NULL);
}

static int doc_topics_tsv(FILE *fp, const void *arg)
{
    return nt_report_write_doc_topics_tsv(fp, arg, NULL);
}

static int topic_words(FILE *fp, const void *arg)
{
    return nt_report_write_topic_words(fp, &model, *(const size_t *)arg, &opts, NULL);
}

static int json(FILE *fp, const void *arg)
{
    return nt_report_write_json(fp, &model, arg, &opts, NULL);
}

START_TEST(text_report_of_model_alone)
{
    nt_report_options_init(&opts);
    opts.top_terms = 3;
    char *out = capture(text_with_docs, NULL);
    const char *want =
        "Topic 1 (25.0% of the training corpus)\n"
        "  word    weight\n"
        "  alphas  0.5000\n"
        "  beta    0.3000\n"
        "  gammé   0.2000\n"
        "\n"
        "Topic 2 (75.0% of the training corpus)\n"
        "  word    weight\n"
        "  beta    0.3000\n"
        "  gammé   0.3000\n"
        "  deltas  0.3000\n";
    ck_assert_str_eq(out, want);
    free(out);
}
END_TEST

START_TEST(text_report_with_documents)
{
    nt_report_options_init(&opts);
    opts.top_terms = 2;
    opts.top_docs = 3;
    char *out = capture(text_with_docs, &docs);
    /* Shares of the corpus from W: topic 1 (3+1)/8, topic 2 (1+3)/8. Document shares:
     * one.txt 75% / 25%, two 25% / 75%; empty.txt has none and is not listed. */
    const char *want =
        "Topic 1 (50.0% of the corpus)\n"
        "  word    weight   document            share\n"
        "  alphas  0.5000   one.txt             75.0%\n"
        "  beta    0.3000   two \"quoted\"\\.txt   25.0%\n"
        "\n"
        "Topic 2 (50.0% of the corpus)\n"
        "  word    weight   document            share\n"
        "  beta    0.3000   two \"quoted\"\\.txt   75.0%\n"
        "  gammé   0.3000   one.txt             25.0%\n";
    ck_assert_str_eq(out, want);
    free(out);
}
END_TEST

START_TEST(topics_tsv_lists_ranked_terms)
{
    nt_report_options_init(&opts);
    opts.top_terms = 2;
    char *out = capture(topics_tsv, NULL);
    ck_assert_str_eq(out, "topic\trank\tword\tstem\tweight\n"
                          "1\t1\talphas\talpha\t0.5\n"
                          "1\t2\tbeta\tbeta\t0.3\n"
                          "2\t1\tbeta\tbeta\t0.3\n"
                          "2\t2\tgammé\tgamma\t0.3\n");
    free(out);
}
END_TEST

START_TEST(doc_topics_rows_sum_to_one_or_are_zero)
{
    char *out = capture(doc_topics_tsv, &docs);
    ck_assert_str_eq(out, "document\ttopic_1\ttopic_2\tdominant\n"
                          "one.txt\t0.75\t0.25\t1\n"
                          "two \"quoted\"\\.txt\t0.25\t0.75\t2\n"
                          "empty.txt\t0\t0\tNA\n");
    free(out);
}
END_TEST

START_TEST(topic_words_hold_positive_weights_only)
{
    nt_report_options_init(&opts);
    size_t t = 0;
    char *out = capture(topic_words, &t);
    ck_assert_str_eq(out, "alphas\t0.5\nbeta\t0.3\ngammé\t0.2\n");
    free(out);
}
END_TEST

START_TEST(json_escapes_names_and_keeps_precision)
{
    nt_report_options_init(&opts);
    opts.top_terms = 1;
    opts.top_docs = 1;
    static const char *odd[1] = {"tab\there \"q\" back\\slash\nline\x01 bad\xff café"};
    static double w1[2] = {0.1, 0.2};
    nt_doc_topics one = {1, 2, odd, w1};
    char *out = capture(json, &one);
    const char *escaped = "\"tab\\there \\\"q\\\" back\\\\slash\\nline\\u0001 bad\xEF\xBF\xBD café\"";
    ck_assert_msg(strstr(out, escaped) != NULL, "no escaped name in:\n%s", out);
    /* Shares 1/3 and 2/3 keep the digits that read back exactly; 0.5 stays short. */
    ck_assert_ptr_nonnull(strstr(out, "\"weights\": [0.3333333333333333, 0.6666666666666666]"));
    ck_assert_ptr_nonnull(strstr(out, "{\"word\": \"alphas\", \"stem\": \"alpha\", \"weight\": 0.5}"));
    ck_assert_ptr_nonnull(strstr(out, "\"dominant_topic\": 2"));
    ck_assert_ptr_nonnull(strstr(out, "\"min-df\": \"2\""));
    ck_assert_ptr_nonnull(strstr(out, "\"stopwords\": []"));
    ck_assert_ptr_nonnull(strstr(out, "\"vocabulary_size\": 4"));
    ck_assert_ptr_nonnull(strstr(out, "\"converged\": true"));
    free(out);
}
END_TEST

START_TEST(json_lists_the_extra_stop_words)
{
    nt_report_options_init(&opts);
    static const char *const words[] = {"comets", "d\"ates", NULL};
    model.text.extra_stopwords = words;
    char *out = capture(json, NULL);
    ck_assert_msg(strstr(out, "\"stopwords\": [\"comets\", \"d\\\"ates\"]") != NULL, "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "\"version\": 2"));
    free(out);
}
END_TEST

START_TEST(json_without_documents_has_no_document_list)
{
    nt_report_options_init(&opts);
    char *out = capture(json, NULL);
    ck_assert_ptr_null(strstr(out, "\n  \"documents\""));
    ck_assert_ptr_nonnull(strstr(out, "\"top_documents\": []"));
    ck_assert_ptr_nonnull(strstr(out, "\"share\": 0.75"));
    free(out);
}
END_TEST

#ifdef NT_TEST_COMMA_LOCALE
/* The first digit of text followed by ",digit", or NULL. */
static const char *decimal_comma(const char *text)
{
    for (; *text; text++)
        if (isdigit((unsigned char)text[0]) && text[1] == ',' && isdigit((unsigned char)text[2]))
            return text;
    return NULL;
}

/* A host program's comma-decimal LC_NUMERIC reaches neither the TSV nor the JSON numbers:
 * the files are the same as in the C locale, and no digit is followed by ",digit". The
 * JSON is compared from "fit" on: its "options" block holds max-df as text, formatted by
 * the vocab module's nt_df_limit_format, which still follows the locale. */
START_TEST(comma_locale_leaves_machine_readable_numbers_alone)
{
    nt_report_options_init(&opts);
    opts.top_terms = 2;
    opts.top_docs = 2;
    char *c_tsv = capture(doc_topics_tsv, &docs), *c_topics = capture(topics_tsv, NULL);
    char *c_json = capture(json, &docs);
    nt_test_comma_locale(NT_TEST_LOCPATH, NT_TEST_COMMA_LOCALE);
    char *tsv = capture(doc_topics_tsv, &docs), *topics = capture(topics_tsv, NULL);
    char *js = capture(json, &docs);
    setlocale(LC_NUMERIC, "C");
    ck_assert_str_eq(tsv, c_tsv);
    ck_assert_str_eq(topics, c_topics);
    const char *fit = strstr(js, "\"fit\": "), *c_fit = strstr(c_json, "\"fit\": ");
    ck_assert_ptr_nonnull(fit);
    ck_assert_ptr_nonnull(c_fit);
    ck_assert_str_eq(fit, c_fit);
    ck_assert_ptr_null(decimal_comma(fit));
    ck_assert_ptr_nonnull(strstr(js, "\"relative_error\": 0.25"));
    free(c_tsv);
    free(c_topics);
    free(c_json);
    free(tsv);
    free(topics);
    free(js);
}
END_TEST
#endif

static int count_entries(const char *path)
{
    DIR *d = opendir(path);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static char warning[512];

static void keep_warning(void *user, nt_log_level level, const char *message)
{
    (void)user;
    if (level == NT_LOG_WARNING)
        snprintf(warning, sizeof warning, "%s", message);
}

START_TEST(write_dir_stages_files_until_the_group_commits)
{
    nt_report_options_init(&opts);
    nt_output_group group;
    nt_output_group_init(&group);
    ck_assert_int_eq(nt_report_write_dir(dir, NT_REPORT_DOCUMENTS | NT_REPORT_JSON, &model, &docs,
                                         &opts, &group, NULL, NULL), NT_OK);
    char p[512];
    snprintf(p, sizeof p, "%s/report.json", dir);
    ck_assert_int_eq(access(p, F_OK), -1); /* staged, not yet in place */
    ck_assert_int_eq(count_entries(dir), 2);
    nt_output_group_abort(&group);
    ck_assert_int_eq(count_entries(dir), 0);
    ck_assert_int_eq(nt_report_write_dir(dir, NT_REPORT_DOCUMENTS | NT_REPORT_JSON, &model, &docs,
                                         &opts, &group, NULL, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_commit(&group, NULL), NT_OK);
    ck_assert_int_eq(access(p, R_OK), 0);
    ck_assert_int_eq(count_entries(dir), 2);
    snprintf(p, sizeof p, "%s/doc_topics.tsv", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/report.json", dir);
    unlink(p);
}
END_TEST

START_TEST(write_dir_writes_every_file_and_warns_of_empty_rows)
{
    nt_report_options_init(&opts);
    nt_hooks hooks = {keep_warning, NULL, NULL};
    warning[0] = '\0';
    ck_assert_int_eq(nt_report_write_dir(dir, NT_REPORT_TOPICS | NT_REPORT_DOCUMENTS | NT_REPORT_JSON,
                                         &model, &docs, &opts, NULL, &hooks, NULL), NT_OK);
    const char *files[] = {"topics.tsv", "topic_01.words.tsv", "topic_02.words.tsv",
                           "doc_topics.tsv", "report.json"};
    char p[512];
    for (int f = 0; f < 5; f++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[f]);
        ck_assert_msg(access(p, R_OK) == 0, "missing %s", files[f]);
        unlink(p);
    }
    ck_assert_int_eq(count_entries(dir), 0); /* and no temporary file left */
    ck_assert_ptr_nonnull(strstr(warning, "1 of 3 documents share no term"));
}
END_TEST

START_TEST(ties_go_to_the_lower_column_and_counts_clamp)
{
    nt_report_options_init(&opts);
    opts.top_terms = 10; /* more than the 4 terms */
    char *out = capture(topics_tsv, NULL);
    ck_assert_ptr_nonnull(strstr(out, "2\t1\tbeta\tbeta\t0.3\n2\t2\tgammé\tgamma\t0.3\n"
                                      "2\t3\tdeltas\tdelta\t0.3\n2\t4\talphas\talpha\t0.1\n"));
    ck_assert_ptr_null(strstr(out, "\t5\t"));
    free(out);
}
END_TEST

START_TEST(mismatched_or_bad_weights_are_refused)
{
    nt_report_options_init(&opts);
    nt_doc_topics three = {2, 3, names, w};
    nt_error err;
    FILE *fp = fopen("/dev/null", "w");
    ck_assert_int_eq(nt_report_write_text(fp, &model, &three, &opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "3 topic weights but the model has 2"));
    double bad[6] = {0.5, -1.0, 0.0, 0.5, 0.5, 0.0};
    nt_doc_topics negative = {3, 2, names, bad};
    ck_assert_int_eq(nt_report_write_doc_topics_tsv(fp, &negative, &err), NT_ENUMERIC);
    ck_assert_ptr_nonnull(strstr(err.message, names[1]));
    fclose(fp);
}
END_TEST

START_TEST(write_dir_into_missing_folder_fails_cleanly)
{
    nt_report_options_init(&opts);
    nt_error err;
    ck_assert_int_eq(nt_report_write_dir("/nonexistent/out", NT_REPORT_JSON, &model, &docs, &opts,
                                         NULL, NULL, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/out/report.json"));
    ck_assert_int_eq(nt_report_write_dir(dir, NT_REPORT_DOCUMENTS, &model, NULL, &opts, NULL, NULL, &err),
                     NT_EINVAL);
    ck_assert_int_eq(count_entries(dir), 0);
}
END_TEST

START_TEST(options_check_names_the_option)
{
    nt_report_options_init(&opts);
    nt_error err;
    ck_assert_int_eq(nt_report_options_check(&opts, &err), NT_OK);
    opts.top_terms = 0;
    ck_assert_int_eq(nt_report_options_check(&opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "top terms"));
    opts.top_terms = 1;
    opts.top_docs = 0; /* lists no document: allowed */
    opts.cloud_words = 0;
    ck_assert_int_eq(nt_report_options_check(&opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "cloud words per topic is 0"));
}
END_TEST

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    setup();
    Suite *s = suite_create("report");
    TCase *core = tcase_create("core");
    tcase_add_test(core, text_report_of_model_alone);
    tcase_add_test(core, text_report_with_documents);
    tcase_add_test(core, topics_tsv_lists_ranked_terms);
    tcase_add_test(core, doc_topics_rows_sum_to_one_or_are_zero);
    tcase_add_test(core, topic_words_hold_positive_weights_only);
    tcase_add_test(core, write_dir_writes_every_file_and_warns_of_empty_rows);
    tcase_add_test(core, write_dir_stages_files_until_the_group_commits);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, json_escapes_names_and_keeps_precision);
    tcase_add_test(edge, json_lists_the_extra_stop_words);
    tcase_add_test(edge, json_without_documents_has_no_document_list);
    tcase_add_test(edge, ties_go_to_the_lower_column_and_counts_clamp);
#ifdef NT_TEST_COMMA_LOCALE
    tcase_add_test(edge, comma_locale_leaves_machine_readable_numbers_alone);
#endif
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, mismatched_or_bad_weights_are_refused);
    tcase_add_test(errors, write_dir_into_missing_folder_fails_cleanly);
    tcase_add_test(errors, options_check_names_the_option);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    rmdir(dir);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
