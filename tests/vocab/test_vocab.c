/* test_vocab.c: vocabulary building, surface forms, bigrams, lookup, projection and the
 * terms file; the suite's entry point (pruning edges and errors in test_vocab_prune.c). */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/vocab.h"
#include "nt_test.h"
#include "test_vocab.h"

nt_vocab_builder *build(const char *const *docs, size_t n_docs)
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

const char *keys(const nt_vocab *v)
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

int prune(const nt_vocab_builder *b, nt_df_limit min_df, nt_df_limit max_df,
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

nt_vocab *finish_default(nt_vocab_builder *b, size_t n_docs, int **map)
{
    nt_vocab_prune_options o;
    nt_vocab_prune_options_init(&o);
    nt_vocab *v;
    ck_assert_int_eq(nt_vocab_builder_finish(b, &o, n_docs, &v, map, NULL), NT_OK);
    return v;
}

void free_all(int *map, nt_vocab *v, nt_vocab_builder *b)
{
    free(map);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}

const char *const ten_docs[10] = {
    "a b c d e", "a b c d", "a b c d", "b c d", "b c d", "c d", "d", "d", "d", "d",
};

START_TEST(finish_sorts_by_key_and_counts)
{
    const char *docs[] = {"zeta alpha alpha", "beta alpha", "alpha"};
    nt_vocab_builder *b = build(docs, 3);
    ck_assert_uint_eq(nt_vocab_builder_count(b), 3);
    int *map;
    nt_vocab *v = finish_default(b, 3, &map);
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
    free_all(map, v, b);
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
    int *map;
    nt_vocab *v = finish_default(b, 1, &map);
    ck_assert_str_eq(keys(v), "bare,govern,run");
    ck_assert_str_eq(v->surfaces[0], "bare"); /* none recorded: the key itself */
    ck_assert_str_eq(v->surfaces[1], "government");
    ck_assert_str_eq(v->surfaces[2], "ran");
    free_all(map, v, b);
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
    int *map;
    nt_vocab *v = finish_default(b, 1, &map);
    /* Python's sorted() order of the same strings: "a" < "a unit" < "ab" < "unit" < ... */
    ck_assert_str_eq(keys(v), "a,a unit,ab,unit,unit a");
    ck_assert_str_eq(v->surfaces[1], "a units");
    ck_assert_str_eq(v->surfaces[4], "units a");
    ck_assert_int_eq(map[big1], 1);
    ck_assert_int_eq(nt_vocab_find(v, "unit a", 6), 4);
    free_all(map, v, b);
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
    const char *path = nt_test_path(NULL, "v.terms");
    ck_assert_int_eq(nt_vocab_write(v, path, NULL), NT_OK);
    char *text = nt_test_read_file(path);
    ck_assert_str_eq(text, "cat\tcats\t2\nemu\temu\t1\n");
    free(text);
    ck_assert_int_eq(nt_vocab_read(path, &r, NULL), NT_OK);
    ck_assert_uint_eq(r->n_terms, 2);
    ck_assert_str_eq(r->stems[1], "emu");
    ck_assert_str_eq(r->surfaces[0], "cats");
    ck_assert_int_eq(r->df[0], 2);
    nt_vocab *c = nt_vocab_copy(r), *cc = nt_vocab_copy(c);  /* a copy of a copy too */
    ck_assert_str_eq(c->stems[0], "cat");
    ck_assert_int_eq(nt_vocab_find(c, "emu", 3), 1);
    for (size_t j = 0; j < r->n_terms; j++) {
        ck_assert_str_eq(cc->stems[j], r->stems[j]);
        ck_assert_str_eq(cc->surfaces[j], r->surfaces[j]);
        ck_assert_ptr_ne(cc->surfaces[j], r->surfaces[j]);
        ck_assert_int_eq(cc->df[j], r->df[j]);
        ck_assert_int_eq(cc->counts[j], r->counts[j]);
    }
    nt_vocab_free(cc);
    nt_vocab_free(c);
    nt_vocab_free(r);
    nt_vocab_free(v);
    nt_vocab_builder_free(b);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("vocab", &tc);
    NT_TEST_ADD(tc.core, finish_sorts_by_key_and_counts, surface_is_most_frequent_form,
                bigrams_sort_between_unigrams, map_projects_onto_fitted_vocab,
                write_read_round_trip);
    add_edge_tests(tc.edge);
    add_hash_tests(tc.core);
    add_error_tests(tc.errors);
    return nt_test_main(s);
}
