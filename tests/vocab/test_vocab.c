/* test_vocab.c: vocabulary building, pruning (scikit-learn's min_df / max_df / max_features
 * semantics at their edges), surface forms, bigrams, lookup and the terms file. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nmftopics/vocab.h"

static char dir[] = "/tmp/nt_test_vocab_XXXXXX";

/* Builds a builder from documents written as space-separated stems: each distinct stem of
 * a document counts once towards its df, each occurrence towards its corpus count. */
static nt_vocab_builder *build(const char *const *docs, size_t n_docs)
{
    nt_vocab_builder *b = nt_vocab_builder_create();
    ck_assert_ptr_nonnull(b);
    for (size_t d = 0; d < n_docs; d++) {
        int terms[64], counts[64];
        size_t n = 0;
        char *copy = strdup(docs[d]), *save = NULL;
        for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
            int id = nt_vocab_builder_add_stem(b, w, strlen(w));
            ck_assert_int_ge(id, 0);
            size_t k = 0;
            while (k < n && terms[k] != id)
                k++;
            if (k == n) {
                terms[n] = id;
                counts[n++] = 0;
            }
            counts[k]++;
        }
        free(copy);
        nt_vocab_builder_add_document(b, terms, counts, n);
    }
    return b;
}

/* The kept keys joined by commas, for compact assertions. */
static const char *keys(const nt_vocab *v)
{
    static char buf[1024];
    buf[0] = '\0';
    for (size_t j = 0; j < v->n_terms; j++) {
        if (j)
            strcat(buf, ",");
        strcat(buf, v->stems[j]);
    }
    return buf;
}

/* Prunes b with the given bounds over n_docs documents; returns the status. */
static int prune(const nt_vocab_builder *b, nt_df_limit min_df, nt_df_limit max_df,
                 size_t max_terms, size_t n_docs, nt_vocab **v, nt_error *err)
{
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    o.min_df = min_df;
    o.max_df = max_df;
    o.max_terms = max_terms;
    int *map = NULL;
    int rc = nt_vocab_builder_finish(b, &o, n_docs, v, &map, err);
    free(map);
    return rc;
}

static const nt_df_limit COUNT1 = {1, 0}, COUNT2 = {2, 0}, ALL = {1.0, 1};

/* df: d=10, c=6, b=5, a=3, e=1 over 10 documents. */
static const char *const ten_docs[] = {
    "a b c d e", "a b c d", "a b c d", "b c d", "b c d", "c d", "d", "d", "d", "d",
};

START_TEST(finish_sorts_by_key_and_counts)
{
    const char *docs[] = {"zeta alpha alpha", "beta alpha", "alpha"};
    nt_vocab_builder *b = build(docs, 3);
    ck_assert_uint_eq(nt_vocab_builder_count(b), 3);
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    nt_vocab *v;
    int *map;
    ck_assert_int_eq(nt_vocab_builder_finish(b, &o, 3, &v, &map, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "alpha,beta,zeta");
    ck_assert_int_eq(v->df[0], 3);
    ck_assert_int_eq(v->counts[0], 4);
    ck_assert_int_eq(v->df[2], 1);
    /* builder ids follow first addition: zeta 0, alpha 1, beta 2 */
    ck_assert_int_eq(map[0], 2);
    ck_assert_int_eq(map[1], 0);
    ck_assert_int_eq(map[2], 1);
    ck_assert_int_eq(nt_vocab_find(v, "beta", 4), 1);
    ck_assert_int_eq(nt_vocab_find(v, "betamax", 4), 1); /* the length bounds the key */
    ck_assert_int_eq(nt_vocab_find(v, "bet", 3), -1);
    ck_assert_int_eq(nt_vocab_find(v, "omega", 5), -1);
    free(map);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(surface_is_most_frequent_form)
{
    nt_vocab_builder *b = nt_vocab_builder_create();
    int gov = nt_vocab_builder_add_stem(b, "govern", 6);
    int run = nt_vocab_builder_add_stem(b, "run", 3);
    int bare = nt_vocab_builder_add_stem(b, "bare", 4);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, gov, "governs", 7, 2), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, gov, "government", 10, 4), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, gov, "governing", 9, 3), NT_OK);
    /* a tie goes to the byte-wise smaller form, whatever the order of the offers */
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, run, "running", 7, 5), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, run, "runs", 4, 5), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, run, "ran", 3, 5), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, run, "ra", 2, 1), NT_OK);
    ck_assert_int_eq(nt_vocab_builder_offer_surface(b, run, "rank", 4, 5), NT_OK);
    int terms[3] = {gov, run, bare}, counts[3] = {1, 1, 1};
    nt_vocab_builder_add_document(b, terms, counts, 3);
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    nt_vocab *v;
    int *map;
    ck_assert_int_eq(nt_vocab_builder_finish(b, &o, 1, &v, &map, NULL), NT_OK);
    ck_assert_str_eq(keys(v), "bare,govern,run");
    ck_assert_str_eq(v->surfaces[0], "bare"); /* none recorded: the key itself */
    ck_assert_str_eq(v->surfaces[1], "government");
    ck_assert_str_eq(v->surfaces[2], "ran");
    free(map);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(bigrams_sort_between_unigrams)
{
    nt_vocab_builder *b = nt_vocab_builder_create();
    int a = nt_vocab_builder_add_stem(b, "a", 1);
    int ab = nt_vocab_builder_add_stem(b, "ab", 2);
    int unit = nt_vocab_builder_add_stem(b, "unit", 4);
    int big1 = nt_vocab_builder_add_bigram(b, a, unit);
    int big2 = nt_vocab_builder_add_bigram(b, unit, a);
    ck_assert_int_ge(big1, 0);
    ck_assert_int_ne(big1, big2);
    ck_assert_int_eq(nt_vocab_builder_add_bigram(b, a, unit), big1);
    nt_vocab_builder_offer_surface(b, unit, "units", 5, 1);
    int terms[5] = {a, ab, unit, big1, big2}, counts[5] = {1, 1, 1, 1, 1};
    nt_vocab_builder_add_document(b, terms, counts, 5);
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    nt_vocab *v;
    int *map;
    ck_assert_int_eq(nt_vocab_builder_finish(b, &o, 1, &v, &map, NULL), NT_OK);
    /* Python's sorted() order of the same strings: "a" < "a unit" < "ab" < "unit" < ... */
    ck_assert_str_eq(keys(v), "a,a unit,ab,unit,unit a");
    ck_assert_str_eq(v->surfaces[1], "a units");
    ck_assert_str_eq(v->surfaces[4], "units a");
    ck_assert_int_eq(map[big1], 1);
    ck_assert_int_eq(nt_vocab_find(v, "unit a", 6), 4);
    free(map);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

START_TEST(map_projects_onto_fitted_vocab)
{
    const char *fit_docs[] = {"cat dog", "dog emu"};
    nt_vocab_builder *fit = build(fit_docs, 2);
    nt_vocab *v;
    ck_assert_int_eq(prune(fit, COUNT1, ALL, 0, 2, &v, NULL), NT_OK);
    nt_vocab_builder *b = nt_vocab_builder_create();
    int emu = nt_vocab_builder_add_stem(b, "emu", 3);
    int yak = nt_vocab_builder_add_stem(b, "yak", 3);
    int cat = nt_vocab_builder_add_stem(b, "cat", 3);
    int pair = nt_vocab_builder_add_bigram(b, cat, emu);
    int *map;
    ck_assert_int_eq(nt_vocab_builder_map(b, v, &map, NULL), NT_OK);
    ck_assert_int_eq(map[emu], 2);
    ck_assert_int_eq(map[yak], -1);
    ck_assert_int_eq(map[cat], 0);
    ck_assert_int_eq(map[pair], -1);
    free(map);
    nt_vocab_builder_free(b);
    nt_vocab_builder_free(fit);
    nt_vocab_free(v);
}
END_TEST

START_TEST(write_read_round_trip)
{
    const char *docs[] = {"emu cat", "cat"};
    nt_vocab_builder *b = build(docs, 2);
    nt_vocab_builder_offer_surface(b, 1, "cats", 4, 2);
    nt_vocab *v, *r;
    ck_assert_int_eq(prune(b, COUNT1, ALL, 0, 2, &v, NULL), NT_OK);
    char path[256];
    snprintf(path, sizeof path, "%s/v.terms", dir);
    ck_assert_int_eq(nt_vocab_write(v, path, NULL), NT_OK);
    FILE *fp = fopen(path, "r");
    char text[128] = "";
    size_t got = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[got] = '\0';
    ck_assert_str_eq(text, "cat\tcats\t2\nemu\temu\t1\n");
    ck_assert_int_eq(nt_vocab_read(path, &r, NULL), NT_OK);
    ck_assert_uint_eq(r->n_terms, 2);
    ck_assert_str_eq(r->stems[1], "emu");
    ck_assert_str_eq(r->surfaces[0], "cats");
    ck_assert_int_eq(r->df[0], 2);
    nt_vocab *c = nt_vocab_copy(r);
    ck_assert_str_eq(c->stems[0], "cat");
    ck_assert_int_eq(nt_vocab_find(c, "emu", 3), 1);
    nt_vocab_free(c);
    nt_vocab_free(r);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
    unlink(path);
}
END_TEST

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
    char path[256];
    snprintf(path, sizeof path, "%s/bad.terms", dir);
    const char *bad[] = {"b\tb\t1\na\ta\t1\n", "a\ta\n", "a\ta\tx\n", "a\ta\t1\na\ta\t2\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        FILE *fp = fopen(path, "w");
        fputs(bad[i], fp);
        fclose(fp);
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
    FILE *fp = fopen(path, "w");
    fclose(fp);
    ck_assert_int_eq(nt_vocab_read(path, &v, &err), NT_EEMPTY);
    unlink(path);
}
END_TEST

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    Suite *s = suite_create("vocab");
    TCase *core = tcase_create("core");
    tcase_add_test(core, finish_sorts_by_key_and_counts);
    tcase_add_test(core, surface_is_most_frequent_form);
    tcase_add_test(core, bigrams_sort_between_unigrams);
    tcase_add_test(core, map_projects_onto_fitted_vocab);
    tcase_add_test(core, write_read_round_trip);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, min_df_counts);
    tcase_add_test(edge, max_df_one_point_zero_versus_one);
    tcase_add_test(edge, max_df_fraction_boundary_is_inclusive);
    tcase_add_test(edge, min_df_fraction_is_not_rounded);
    tcase_add_test(edge, max_terms_ties_go_to_smaller_key);
    tcase_add_test(edge, df_limit_parse_follows_number_notation);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, df_limit_parse_rejects_bad_values);
    tcase_add_test(errors, check_rejects_min_above_max);
    tcase_add_test(errors, finish_rejects_bounds_crossing_once_converted);
    tcase_add_test(errors, finish_reports_empty_results);
    tcase_add_test(errors, builder_rejects_bad_ids);
    tcase_add_test(errors, read_rejects_malformed_files);
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
