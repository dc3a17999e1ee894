/* test_report.c: the topic report as text and TSV, and its options, for a hand-made model
 * (report_fixtures.c); JSON and the output folder are in test_report_files.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "report_fixtures.h"
#include "test_report_files.h"

START_TEST(text_report_of_model_alone)
{
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 3;
    char *out = capture(write_text, NULL);
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
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 2;
    report_opts.top_docs = 3;
    char *out = capture(write_text, &report_docs);
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
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 2;
    char *out = capture(write_topics_tsv, NULL);
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
    char *out = capture(write_doc_topics_tsv, &report_docs);
    ck_assert_str_eq(out, "document\ttopic_1\ttopic_2\tdominant\n"
                          "one.txt\t0.75\t0.25\t1\n"
                          "two \"quoted\"\\.txt\t0.25\t0.75\t2\n"
                          "empty.txt\t0\t0\tNA\n");
    free(out);
}
END_TEST

START_TEST(topic_words_hold_positive_weights_only)
{
    nt_report_options_init(&report_opts);
    size_t t = 0;
    char *out = capture(write_topic_words, &t);
    ck_assert_str_eq(out, "alphas\t0.5\nbeta\t0.3\ngammé\t0.2\n");
    free(out);
}
END_TEST

START_TEST(ties_go_to_the_lower_column_and_counts_clamp)
{
    nt_report_options_init(&report_opts);
    report_opts.top_terms = 10; /* more than the 4 terms */
    char *out = capture(write_topics_tsv, NULL);
    ck_assert_ptr_nonnull(strstr(out, "2\t1\tbeta\tbeta\t0.3\n2\t2\tgammé\tgamma\t0.3\n"
                                      "2\t3\tdeltas\tdelta\t0.3\n2\t4\talphas\talpha\t0.1\n"));
    ck_assert_ptr_null(strstr(out, "\t5\t"));
    free(out);
}
END_TEST

START_TEST(mismatched_or_bad_weights_are_refused)
{
    nt_report_options_init(&report_opts);
    nt_doc_topics three = {2, 3, report_names, report_w};
    nt_error err;
    FILE *fp = fopen("/dev/null", "w");
    ck_assert_int_eq(nt_report_write_text(fp, &report_model, &three, &report_opts, &err),
                     NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "3 topic weights but the model has 2"));
    double bad[6] = {0.5, -1.0, 0.0, 0.5, 0.5, 0.0};
    nt_doc_topics negative = {3, 2, report_names, bad};
    ck_assert_int_eq(nt_report_write_doc_topics_tsv(fp, &negative, &err), NT_ENUMERIC);
    ck_assert_ptr_nonnull(strstr(err.message, report_names[1]));
    fclose(fp);
}
END_TEST

START_TEST(options_check_names_the_option)
{
    nt_report_options_init(&report_opts);
    nt_error err;
    ck_assert_int_eq(nt_report_options_check(&report_opts, &err), NT_OK);
    report_opts.top_terms = 0;
    ck_assert_int_eq(nt_report_options_check(&report_opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "top terms"));
    report_opts.top_terms = 1;
    report_opts.top_docs = 0; /* lists no document: allowed */
    report_opts.cloud_words = 0;
    ck_assert_int_eq(nt_report_options_check(&report_opts, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "cloud words per topic is 0"));
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    report_fixtures_init();
    nt_test_cases tc;
    Suite *s = nt_test_suite("report", &tc);
    NT_TEST_ADD(tc.core, text_report_of_model_alone, text_report_with_documents,
                topics_tsv_lists_ranked_terms, doc_topics_rows_sum_to_one_or_are_zero,
                topic_words_hold_positive_weights_only);
    NT_TEST_ADD(tc.edge, ties_go_to_the_lower_column_and_counts_clamp);
    NT_TEST_ADD(tc.errors, mismatched_or_bad_weights_are_refused, options_check_names_the_option);
    add_report_file_tests(&tc);
    return nt_test_main(s);
}
