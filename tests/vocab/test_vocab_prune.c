/* test_vocab_prune.c: scikit-learn's min_df / max_df / max_features semantics at their
 * edges, df bounds as written on the command line, and the vocabulary's errors. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/vocab.h"
#include "nt_test.h"
#include "test_vocab.h"

START_TEST(min_df_counts)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v;
    ck_assert_int_eq(prune(b, COUNT1, ALL, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,c,d,e"); /* min_df=1 keeps everything */
    nt_vocab_free(v);
    ck_assert_int_eq(prune(b, COUNT2, ALL, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,c,d"); /* e is in one document */
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(max_df_one_point_zero_versus_one)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v;
    ck_assert_int_eq(prune(b, COUNT1, (nt_df_limit){1.0, 1}, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,c,d,e"); /* 1.0: every document, d (df 10) stays */
    nt_vocab_free(v);
    ck_assert_int_eq(prune(b, COUNT1, (nt_df_limit){1, 0}, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "e"); /* 1: at most one document */
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(max_df_fraction_boundary_is_inclusive)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v;
    /* 0.5 * 10 = 5: b (df 5) is exactly at the bound and stays, c (df 6) goes */
    ck_assert_int_eq(prune(b, COUNT1, (nt_df_limit){0.5, 1}, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,e");
    nt_vocab_free(v);
    ck_assert_int_eq(prune(b, COUNT1, (nt_df_limit){0.49, 1}, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,e");
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(min_df_fraction_is_not_rounded)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v;
    /* 0.25 * 10 = 2.5 documents: df 3 (a) passes, df 1 (e) does not; no rounding to 2 */
    ck_assert_int_eq(prune(b, (nt_df_limit){0.25, 1}, ALL, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,c,d");
    nt_vocab_free(v);
    /* 0.3 * 10 is exactly 3.0 in double precision: a (df 3) is at the bound and stays */
    ck_assert_int_eq(prune(b, (nt_df_limit){0.3, 1}, ALL, 0, 10, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,c,d");
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
    /* 0.28 * 25 is 7.000000000000001 in double precision (as in numpy), so a term in
     * 7 = 0.28 * 25 documents fails min_df = 0.28, exactly as in scikit-learn */
    const char *docs[25];
    for (int d = 0; d < 25; d++)
        docs[d] = d < 7 ? "seven eight" : d < 8 ? "eight" : "rest";
    b = build(docs, 25);
    ck_assert_int_eq(prune(b, (nt_df_limit){0.28, 1}, ALL, 0, 25, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "eight,rest");
    nt_vocab_free(v);
    ck_assert_int_eq(prune(b, COUNT1, (nt_df_limit){0.28, 1}, 0, 25, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "seven"); /* and passes max_df = 0.28 */
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(max_terms_ties_go_to_smaller_key)
{
    /* corpus counts: q 3, z 2, m 2, b 2, a 1 */
    const char *docs[] = {"q q q", "z z m", "m b b a"};
    nt_vocab_builder *b = build(docs, 3);
    nt_vocab *v;
    ck_assert_int_eq(prune(b, COUNT1, ALL, 3, 3, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "b,m,q"); /* z loses the tie at 2 to b and m */
    nt_vocab_free(v);
    ck_assert_int_eq(prune(b, COUNT1, ALL, 5, 3, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "a,b,m,q,z"); /* a limit above the size cuts nothing */
    nt_vocab_free(v);
    /* the cut applies after the df bounds: q (df 1) is gone before the counts compete */
    ck_assert_int_eq(prune(b, COUNT2, ALL, 1, 3, &v, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "m");
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(df_limit_parse_follows_number_notation)
{
    nt_df_limit l;
    ck_assert_int_eq(nt_df_limit_parse("2", &l, NULL), NT_OK);
    ck_assert(!l.is_fraction && l.value == 2.0);
    ck_assert_int_eq(nt_df_limit_parse("1", &l, NULL), NT_OK);
    ck_assert(!l.is_fraction && l.value == 1.0);
    ck_assert_int_eq(nt_df_limit_parse("1.0", &l, NULL), NT_OK);
    ck_assert(l.is_fraction && l.value == 1.0);
    ck_assert_int_eq(nt_df_limit_parse("0.95", &l, NULL), NT_OK);
    ck_assert(l.is_fraction && l.value == 0.95);
    ck_assert_int_eq(nt_df_limit_parse("1e-2", &l, NULL), NT_OK);
    ck_assert(l.is_fraction && l.value == 0.01);
    char text[32];
    nt_df_limit_format((nt_df_limit){1.0, 1}, text, sizeof text);
    ck_assert_str_eq(text, "1.0");
    nt_df_limit_format((nt_df_limit){0.95, 1}, text, sizeof text);
    ck_assert_str_eq(text, "0.95");
    nt_df_limit_format((nt_df_limit){7, 0}, text, sizeof text);
    ck_assert_str_eq(text, "7");
}
END_TEST

START_TEST(df_limit_parse_rejects_bad_values)
{
    const char *bad[] = {"0", "-3", "1.5", "2.0", "abc", "", "3x", "nan", "inf"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nt_df_limit l;
        nt_error err;
        ck_assert_int_eq(nt_df_limit_parse(bad[i], &l, &err), NT_EINVAL);
        char quoted[16];
        snprintf(quoted, sizeof quoted, "'%s'", bad[i]);
        ck_assert_msg(strstr(err.message, quoted), "%s: %s", bad[i], err.message);
    }
}
END_TEST

START_TEST(check_rejects_min_above_max)
{
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    nt_error err;
    ck_assert_int_eq(nt_vocab_prune_options_check(&o, &err), NT_OK);
    o.min_df = (nt_df_limit){5, 0};
    o.max_df = (nt_df_limit){3, 0};
    ck_assert_int_eq(nt_vocab_prune_options_check(&o, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "min_df 5"));
    ck_assert_ptr_nonnull(strstr(err.message, "max_df 3"));
    o.min_df = (nt_df_limit){0.6, 1};
    o.max_df = (nt_df_limit){0.5, 1};
    ck_assert_int_eq(nt_vocab_prune_options_check(&o, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "min_df 0.6"));
    o.min_df = (nt_df_limit){2.5, 0};
    o.max_df = (nt_df_limit){1.0, 1};
    ck_assert_int_eq(nt_vocab_prune_options_check(&o, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "min_df"));
}
END_TEST

START_TEST(finish_rejects_bounds_crossing_once_converted)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v = NULL;
    nt_error err;
    /* 0.2 * 10 = 2 documents, below min_df 3: only known once n is known */
    ck_assert_int_eq(prune(b, (nt_df_limit){3, 0}, (nt_df_limit){0.2, 1}, 0, 10, &v, &err),
                     NT_EINVAL);
    ck_assert_ptr_null(v);
    ck_assert_ptr_nonnull(strstr(err.message, "max_df 0.2 (2 documents)"));
    ck_assert_ptr_nonnull(strstr(err.message, "min_df 3 (3 documents)"));
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(finish_reports_empty_results)
{
    nt_vocab_builder *b = build(ten_docs, 10);
    nt_vocab *v = NULL;
    nt_error err;
    /* df 2, 4, 7-9 hold no term */
    ck_assert_int_eq(prune(b, (nt_df_limit){7, 0}, (nt_df_limit){9, 0}, 0, 10, &v, &err),
                     NT_EEMPTY);
    ck_assert_ptr_null(v);
    ck_assert_ptr_nonnull(strstr(err.message, "none of the 5 terms"));
    nt_vocab_builder_free(b);
    b = nt_vocab_builder_create();
    ck_assert_int_eq(prune(b, COUNT1, ALL, 0, 4, &v, &err), NT_EEMPTY);
    ck_assert_ptr_nonnull(strstr(err.message, "no terms in 4 documents"));
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(builder_rejects_bad_ids)
{
    nt_vocab_builder *b = nt_vocab_builder_create();
    int a = nt_vocab_builder_add_stem(b, "a", 1);
    ck_assert_int_eq(nt_vocab_builder_add_stem(b, "", 0), NT_EINVAL);
    ck_assert_int_eq(nt_vocab_builder_add_bigram(b, a, 7), NT_EINVAL);
    int pair = nt_vocab_builder_add_bigram(b, a, a);
    ck_assert_int_eq(nt_vocab_builder_add_bigram(b, pair, a), NT_EINVAL);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, pair, "x", 1, 1), NT_EINVAL);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, -1, "x", 1, 1), NT_EINVAL);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(read_rejects_malformed_files)
{
    const char *bad[] = {"b\tb\t1\na\ta\t1\n", "a\ta\n", "a\ta\tx\n", "a\ta\t1\na\ta\t2\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *path = nt_test_write_file(NULL, "bad.terms", bad[i]);
        nt_vocab *v = NULL;
        nt_error err;
        ck_assert_int_eq(nt_vocab_read(path, &v, &err), NT_EFORMAT);
        ck_assert_ptr_null(v);
        ck_assert_ptr_nonnull(strstr(err.message, "bad.terms:"));
    }
    nt_vocab *v = NULL;
    nt_error err;
    ck_assert_int_eq(nt_vocab_read("/nonexistent/x.terms", &v, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/x.terms"));
    const char *empty = nt_test_write_file(NULL, "bad.terms", "");
    ck_assert_int_eq(nt_vocab_read(empty, &v, &err), NT_EEMPTY);
}
END_TEST

START_TEST(many_keys_come_out_in_strcmp_order)
{
    /* Seed fixed. Stem k starts with the first k % 10 bytes of a common word, then 1 to 12
     * bytes over a small alphabet that includes UTF-8 bytes above 0x7F: keys that first
     * differ at every byte of the 8-byte prefixes the sort works on, and keys sharing
     * whole prefixes, told apart by their tails. */
    static const char alphabet[] = "abyz09\xc3\xa9\xff";
    uint64_t seed = 99;
    nt_vocab_builder *b = nt_vocab_builder_create();
    enum { N = 6000 };
    static int ids[N], counts[N];
    for (int k = 0; k < N; k++) {
        char stem[24];
        size_t at = (size_t)k % 10, len = at + 1 + (size_t)(nt_test_uniform(&seed) * 12);
        memcpy(stem, "advertisement", at);
        for (; at < len; at++)
            stem[at] = alphabet[(size_t)(nt_test_uniform(&seed) * (sizeof alphabet - 1))];
        ids[k] = nt_vocab_builder_add_stem(b, stem, len);
        ck_assert_int_ge(ids[k], 0);
        counts[k] = 1;
    }
    size_t distinct = nt_vocab_builder_count(b);
    ck_assert_uint_gt(distinct, N / 2);
    for (int k = 0; k < N; k++)  /* one document holding every stem once */
        ids[k] = k < (int)distinct ? k : 0;
    nt_vocab_builder_add_document(b, ids, counts, distinct);
    int *map;
    nt_vocab *v = finish_default(b, 1, &map);
    ck_assert_uint_eq(v->n_terms, distinct);
    for (size_t j = 1; j < v->n_terms; j++)
        ck_assert_msg(strcmp(v->stems[j - 1], v->stems[j]) < 0, "'%s' before '%s'",
                      v->stems[j - 1], v->stems[j]);
    for (size_t t = 0; t < distinct; t++)
        ck_assert_int_eq(nt_vocab_find(v, v->stems[map[t]], strlen(v->stems[map[t]])), map[t]);
    free_all(map, v, b);
}
END_TEST

void add_edge_tests(TCase *tc)
{
    NT_TEST_ADD(tc, min_df_counts, max_df_one_point_zero_versus_one,
                max_df_fraction_boundary_is_inclusive, min_df_fraction_is_not_rounded,
                max_terms_ties_go_to_smaller_key, df_limit_parse_follows_number_notation,
                many_keys_come_out_in_strcmp_order);
}

void add_error_tests(TCase *tc)
{
    NT_TEST_ADD(tc, df_limit_parse_rejects_bad_values, check_rejects_min_above_max,
                finish_rejects_bounds_crossing_once_converted, finish_reports_empty_results,
                builder_rejects_bad_ids, read_rejects_malformed_files);
}
