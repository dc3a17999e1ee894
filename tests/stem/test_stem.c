/* test_stem.c: the Snowball stemmers, checked word by word against Debian's snowball-data
 * vocabularies (voc.txt -> output.txt) for four languages. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "nmftopics/stem.h"
#include "nt_test.h"

#define SNOWBALL_DATA "/usr/share/snowball/data"

static void chomp(char *s)
{
    s[strcspn(s, "\r\n")] = '\0';
}

/* Stems every word of voc.txt and compares with output.txt; returns the mismatches. */
static size_t count_mismatches(const char *language, size_t *words)
{
    char voc_path[256], out_path[256];
    snprintf(voc_path, sizeof voc_path, SNOWBALL_DATA "/%s/voc.txt", language);
    snprintf(out_path, sizeof out_path, SNOWBALL_DATA "/%s/output.txt", language);
    FILE *voc = fopen(voc_path, "r"), *out = fopen(out_path, "r");
    ck_assert_msg(voc && out, "snowball-data is not installed (scripts/install-deps.sh)");
    nt_stemmer *st;
    ck_assert_int_eq(nt_stemmer_create(language, &st, NULL), NT_OK);
    char word[512], expected[512];
    size_t mismatches = 0;
    *words = 0;
    while (fgets(word, sizeof word, voc)) {
        ck_assert_ptr_nonnull(fgets(expected, sizeof expected, out));
        chomp(word);
        chomp(expected);
        size_t len;
        const char *stem = nt_stemmer_stem(st, word, strlen(word), &len);
        ck_assert_ptr_nonnull(stem);
        ck_assert_uint_eq(strlen(stem), len);
        if (strcmp(stem, expected) != 0) {
            fprintf(stderr, "%s: %s -> %s, expected %s\n", language, word, stem, expected);
            mismatches++;
        }
        ++*words;
    }
    ck_assert_ptr_null(fgets(expected, sizeof expected, out));
    nt_stemmer_free(st);
    fclose(voc);
    fclose(out);
    return mismatches;
}

START_TEST(vocabularies_match)
{
    const char *languages[] = {"english", "french", "german", "russian"};
    for (int i = 0; i < 4; i++) {
        size_t words;
        size_t bad = count_mismatches(languages[i], &words);
        ck_assert_uint_gt(words, 20000);
        ck_assert_uint_eq(bad, 0);
    }
}
END_TEST

START_TEST(languages_listed_and_creatable)
{
    const char *const *names = nt_stem_languages();
    size_t n = 0;
    int english = 0, russian = 0;
    for (; names[n]; n++) {
        english |= strcmp(names[n], "english") == 0;
        russian |= strcmp(names[n], "russian") == 0;
        nt_stemmer *st = NULL;
        ck_assert_int_eq(nt_stemmer_create(names[n], &st, NULL), NT_OK);
        ck_assert_ptr_nonnull(st);
        nt_stemmer_free(st);
    }
    ck_assert_uint_ge(n, 20);
    ck_assert(english && russian);
}
END_TEST

START_TEST(stem_buffer_and_edge_words)
{
    nt_stemmer *st;
    ck_assert_int_eq(nt_stemmer_create("en", &st, NULL), NT_OK); /* an ISO 639 alias */
    size_t len;
    const char *stem = nt_stemmer_stem(st, "generously", 10, &len);
    ck_assert_str_eq(stem, "generous");
    ck_assert_uint_eq(len, 8);
    /* Only len bytes are read: the word need not be NUL-terminated. */
    stem = nt_stemmer_stem(st, "runningXYZ", 7, &len);
    ck_assert_str_eq(stem, "run");
    stem = nt_stemmer_stem(st, "", 0, &len);
    ck_assert_str_eq(stem, "");
    ck_assert_uint_eq(len, 0);
    nt_stemmer_free(st);
    nt_stemmer_free(NULL);
}
END_TEST

START_TEST(unknown_language_rejected)
{
    nt_stemmer *st = (nt_stemmer *)&st;
    nt_error err;
    ck_assert_int_eq(nt_stemmer_create("klingon", &st, &err), NT_EINVAL);
    ck_assert_ptr_null(st);
    ck_assert_str_eq(err.message,
                     "unknown language 'klingon' (nmftopics tfidf --list-languages lists them)");
    ck_assert_int_eq(nt_stemmer_create("", &st, &err), NT_EINVAL);
}
END_TEST

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("stem", &tc);
    NT_TEST_ADD(tc.core, vocabularies_match, languages_listed_and_creatable);
    NT_TEST_ADD(tc.edge, stem_buffer_and_edge_words);
    NT_TEST_ADD(tc.errors, unknown_language_rejected);
    return nt_test_main(s);
}
