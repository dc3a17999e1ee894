/* test_stopwords.c: bundled and user stop-word lists, joined to the text suite. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/stopwords.h"
#include "nt_test.h"

void add_stopword_tests(const nt_test_cases *tc);

static int has(const nt_stopwords *sw, const char *word)
{
    return nt_stopwords_contains(sw, word, strlen(word));
}

START_TEST(bundled_english_and_french)
{
    nt_stopwords *sw;
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_add_bundled(sw, "english", NULL), NT_OK);
    ck_assert(has(sw, "the"));
    ck_assert(has(sw, "ourselves"));
    ck_assert(!has(sw, "topic"));
    ck_assert(!has(sw, "th"));
    ck_assert(!has(sw, "thee"));
    size_t english = nt_stopwords_count(sw);
    ck_assert_uint_gt(english, 150);
    ck_assert_int_eq(nt_stopwords_add_bundled(sw, "french", NULL), NT_OK);
    ck_assert(has(sw, "\xC3\xA9t\xC3\xA9")); /* "été" */
    ck_assert(has(sw, "the"));
    ck_assert_uint_gt(nt_stopwords_count(sw), english);
    nt_stopwords_free(sw);
}
END_TEST

START_TEST(bundled_names_listed)
{
    const char *const *names = nt_stopwords_bundled();
    size_t n = 0;
    int english = 0;
    for (; names[n]; n++) {
        english |= strcmp(names[n], "english") == 0;
        if (n > 0)
            ck_assert_int_lt(strcmp(names[n - 1], names[n]), 0);
    }
    ck_assert_uint_eq(n, 16);
    ck_assert(english);
    /* Every bundled list loads and is not empty; the Romanian one has a BOM and CRLF. */
    for (size_t i = 0; i < n; i++) {
        nt_stopwords *sw;
        ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
        ck_assert_int_eq(nt_stopwords_add_bundled(sw, names[i], NULL), NT_OK);
        ck_assert_uint_gt(nt_stopwords_count(sw), 50);
        if (strcmp(names[i], "romanian") == 0)
            ck_assert(has(sw, "a") && has(sw, "abia") && !has(sw, "abia\r"));
        nt_stopwords_free(sw);
    }
}
END_TEST

START_TEST(file_with_comments_and_normalisation)
{
    const char text[] = "| A comment line\n"
                        "\n"
                        "alpha   | the word, then a comment\n"
                        "  Beta\tGAMMA  \r\n"
                        "Caf\xC3\xA9\n"
                        "cafe\xCC\x81\n"       /* the same word, decomposed */
                        "\xEF\xBC\xA4\xEF\xBC\xA5\n" /* full-width "ＤＥ" */
                        "last-without-newline";
    const char *path = nt_test_write_file(NULL, "stop.txt", text);
    nt_stopwords *sw;
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_add_file(sw, path, NULL), NT_OK);
    ck_assert(has(sw, "alpha") && has(sw, "beta") && has(sw, "gamma"));
    ck_assert(has(sw, "caf\xC3\xA9") && has(sw, "de"));
    ck_assert(has(sw, "last-without-newline"));
    ck_assert(!has(sw, "the") && !has(sw, "comment") && !has(sw, "|"));
    ck_assert_uint_eq(nt_stopwords_count(sw), 6);
    nt_stopwords_free(sw);
}
END_TEST

START_TEST(list_is_sorted_normalised_and_stable)
{
    const char text[] = "Beta alpha\nCaf\xC3\xA9 cafe\xCC\x81 \xEF\xBC\xA4\xEF\xBC\xA5 GAMMA beta\n";
    const char *path = nt_test_write_file(NULL, "list.txt", text);
    nt_stopwords *sw, *again;
    char **list, **relisted;
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_add_file(sw, path, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_list(sw, &list, NULL), NT_OK);
    const char *want[] = {"alpha", "beta", "caf\xC3\xA9", "de", "gamma", NULL};
    for (size_t q = 0; q < 6; q++)
        ck_assert_str_eq(list[q] ? list[q] : "(end)", want[q] ? want[q] : "(end)");
    /* Listed words added again are the same set: a model can store the list. */
    ck_assert_int_eq(nt_stopwords_create(&again, NULL), NT_OK);
    for (size_t q = 0; list[q]; q++)
        ck_assert_int_eq(nt_stopwords_add(again, list[q], strlen(list[q]), NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_list(again, &relisted, NULL), NT_OK);
    for (size_t q = 0; q < 6; q++)
        ck_assert_str_eq(relisted[q] ? relisted[q] : "(end)", want[q] ? want[q] : "(end)");
    free(list);
    free(relisted);
    nt_stopwords_free(again);
    nt_stopwords_free(sw);
    /* An empty set lists nothing. */
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_list(sw, &list, NULL), NT_OK);
    ck_assert_ptr_null(list[0]);
    free(list);
    nt_stopwords_free(sw);
}
END_TEST

START_TEST(missing_bundled_language_is_soft)
{
    nt_stopwords *sw;
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_add_bundled(sw, "yiddish", NULL), NT_STOPWORDS_NOT_BUNDLED);
    ck_assert_int_eq(nt_stopwords_add_bundled(sw, "English", NULL), NT_STOPWORDS_NOT_BUNDLED);
    ck_assert_uint_eq(nt_stopwords_count(sw), 0);
    ck_assert(!has(sw, "the"));
    nt_stopwords_free(sw);
    nt_stopwords_free(NULL);
}
END_TEST

START_TEST(unreadable_or_invalid_file)
{
    nt_stopwords *sw;
    nt_error err;
    ck_assert_int_eq(nt_stopwords_create(&sw, NULL), NT_OK);
    ck_assert_int_eq(nt_stopwords_add_file(sw, "/nonexistent/stop.txt", &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/stop.txt"));
    /* A folder opens but cannot be read. */
    ck_assert_int_eq(nt_stopwords_add_file(sw, "/tmp", &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "'/tmp'"));
    const char *path = nt_test_write_file(NULL, "invalid.txt", "good\nbad\xFF\n");
    ck_assert_int_eq(nt_stopwords_add_file(sw, path, &err), NT_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.message, path));
    ck_assert_ptr_nonnull(strstr(err.message, "line 2"));
    ck_assert_int_eq(nt_stopwords_add(sw, "a\0b", 3, &err), NT_EFORMAT);
    nt_stopwords_free(sw);
}
END_TEST

void add_stopword_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, bundled_english_and_french, file_with_comments_and_normalisation,
                list_is_sorted_normalised_and_stable);
    NT_TEST_ADD(tc->edge, bundled_names_listed, missing_bundled_language_is_soft);
    NT_TEST_ADD(tc->errors, unreadable_or_invalid_file);
}
