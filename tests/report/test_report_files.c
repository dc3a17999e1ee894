/* test_report_files.c: report.json (escaping, precision, stop words, and numbers that a
 * comma-decimal locale does not reach) and the output folder's files. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_fixtures.h"
#include "test_report_files.h"

START_TEST(json_escapes_names_and_keeps_precision)
{
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 1;
    report_opts.top_docs = 1;
    static const char *odd[1] = {"tab\there \"q\" back\\slash\nline\x01 bad\xff café"};
    static double w1[2] = {0.1, 0.2};
    nt_doc_topics one = {1, 2, odd, w1};
    char *out = capture(write_json, &one);
    const char *escaped =
        "\"tab\\there \\\"q\\\" back\\\\slash\\nline\\u0001 bad\xEF\xBF\xBD café\"";
    ck_assert_msg(strstr(out, escaped) != NULL, "no escaped name in:\n%s", out);
    /* Shares 1/3 and 2/3 keep the digits that read back exactly; 0.5 stays short. */
    ck_assert_ptr_nonnull(strstr(out, "\"weights\": [0.3333333333333333, 0.6666666666666666]"));
    ck_assert_ptr_nonnull(
        strstr(out, "{\"word\": \"alphas\", \"stem\": \"alpha\", \"weight\": 0.5}"));
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
    nt_report_options_init(&report_opts);
    static const char *const words[] = {"comets", "d\"ates", NULL};
    report_model.text.extra_stopwords = words;
    char *out = capture(write_json, NULL);
    ck_assert_msg(strstr(out, "\"stopwords\": [\"comets\", \"d\\\"ates\"]") != NULL, "%s", out);
    ck_assert_ptr_nonnull(strstr(out, "\"version\": 2"));
    free(out);
}
END_TEST

START_TEST(json_without_documents_has_no_document_list)
{
    nt_report_options_init(&report_opts);
    char *out = capture(write_json, NULL);
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

/* A host program's comma-decimal LC_NUMERIC reaches neither the TSV nor the JSON numbers
 * (the "options" block's max-df text included): the files are the same as in the C
 * locale, and no digit is followed by ",digit". */
START_TEST(comma_locale_leaves_machine_readable_numbers_alone)
{
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 2;
    report_opts.top_docs = 2;
    char *c_tsv = capture(write_doc_topics_tsv, &report_docs);
    char *c_topics = capture(write_topics_tsv, NULL), *c_json = capture(write_json, &report_docs);
    nt_test_comma_locale(NT_TEST_LOCPATH, NT_TEST_COMMA_LOCALE);
    char *tsv = capture(write_doc_topics_tsv, &report_docs);
    char *topics = capture(write_topics_tsv, NULL), *js = capture(write_json, &report_docs);
    setlocale(LC_NUMERIC, "C");
    ck_assert_str_eq(tsv, c_tsv);
    ck_assert_str_eq(topics, c_topics);
    ck_assert_str_eq(js, c_json);
    ck_assert_ptr_null(decimal_comma(js));
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

static char warning[512];

static void keep_warning(void *user, nt_log_level level, const char *message)
{
    (void)user;
    if (level == NT_LOG_WARNING)
        snprintf(warning, sizeof warning, "%s", message);
}

/* Every file is written into the folder, nothing else is left there (no temporary file),
 * and the document without a topic is reported through the hooks. */
START_TEST(write_dir_writes_every_file_and_warns_of_empty_rows)
{
    const char *dir = nt_test_tmpdir();
    nt_report_options_init(&report_opts);
    nt_hooks hooks = {keep_warning, NULL, NULL};
    warning[0] = '\0';
    ck_assert_int_eq(nt_report_write_dir(dir, NT_REPORT_TOPICS | NT_REPORT_DOCUMENTS |
                                                  NT_REPORT_JSON, &report_model, &report_docs,
                                         &report_opts, NULL, &hooks, NULL), NT_OK);
    const char *files[] = {"topics.tsv", "topic_01.words.tsv", "topic_02.words.tsv",
                           "doc_topics.tsv", "report.json"};
    for (int f = 0; f < 5; f++) {
        const char *p = nt_test_path(dir, files[f]);
        ck_assert_msg(access(p, R_OK) == 0, "missing %s", files[f]);
        unlink(p);
    }
    ck_assert_int_eq(nt_test_count_entries(dir), 0);
    ck_assert_ptr_nonnull(strstr(warning, "1 of 3 documents share no term"));
}
END_TEST

/* Into an output group the files wait as temporaries: an abort removes them, a commit puts
 * them in place. */
START_TEST(write_dir_stages_files_until_the_group_commits)
{
    const char *dir = nt_test_tmpdir(), *json = nt_test_path(dir, "report.json");
    unsigned files = NT_REPORT_DOCUMENTS | NT_REPORT_JSON;
    nt_report_options_init(&report_opts);
    nt_output_group group;
    nt_output_group_init(&group);
    ck_assert_int_eq(nt_report_write_dir(dir, files, &report_model, &report_docs, &report_opts,
                                         &group, NULL, NULL), NT_OK);
    ck_assert_int_eq(access(json, F_OK), -1); /* staged, not yet in place */
    ck_assert_int_eq(nt_test_count_entries(dir), 2);
    nt_output_group_abort(&group);
    ck_assert_int_eq(nt_test_count_entries(dir), 0);
    ck_assert_int_eq(nt_report_write_dir(dir, files, &report_model, &report_docs, &report_opts,
                                         &group, NULL, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_commit(&group, NULL), NT_OK);
    ck_assert_int_eq(access(json, R_OK), 0);
    ck_assert_int_eq(nt_test_count_entries(dir), 2);
    unlink(nt_test_path(dir, "doc_topics.tsv"));
    unlink(json);
}
END_TEST

/* A missing folder is named; documents asked for without any is an argument error; nothing
 * is left behind. */
START_TEST(write_dir_into_missing_folder_fails_cleanly)
{
    nt_report_options_init(&report_opts);
    nt_error err;
    ck_assert_int_eq(nt_report_write_dir("/nonexistent/out", NT_REPORT_JSON, &report_model,
                                         &report_docs, &report_opts, NULL, NULL, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/out/report.json"));
    ck_assert_int_eq(nt_report_write_dir(nt_test_tmpdir(), NT_REPORT_DOCUMENTS, &report_model,
                                         NULL, &report_opts, NULL, NULL, &err), NT_EINVAL);
    ck_assert_int_eq(nt_test_count_entries(nt_test_tmpdir()), 0);
}
END_TEST

void add_report_file_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, write_dir_writes_every_file_and_warns_of_empty_rows,
                write_dir_stages_files_until_the_group_commits);
    NT_TEST_ADD(tc->edge, json_escapes_names_and_keeps_precision, json_lists_the_extra_stop_words,
                json_without_documents_has_no_document_list);
#ifdef NT_TEST_COMMA_LOCALE
    NT_TEST_ADD(tc->edge, comma_locale_leaves_machine_readable_numbers_alone);
#endif
    NT_TEST_ADD(tc->errors, write_dir_into_missing_folder_fails_cleanly);
}
