/* test_model.c: the model container's round trip (every field and option back bit for bit,
 * the stop words kept without their file), its option listing, and nt_model_create's
 * refusals. Corruption is in test_model_corrupt.c, transforms in test_model_transform.c. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model_fixtures.h"

static void assert_same_settings(const nt_model *a, const nt_model *b)
{
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_setting sa, sb;
        nt_model_setting_get(a, x, &sa);
        nt_model_setting_get(b, x, &sb);
        ck_assert_str_eq(sa.name, sb.name);
        ck_assert_int_eq(sa.kind, sb.kind);
        ck_assert_int_eq(sa.flag, sb.flag);
        ck_assert_int_eq(sa.integer, sb.integer);
        ck_assert_msg(sa.real == sb.real || (isnan(sa.real) && isnan(sb.real)), "%s", sa.name);
        ck_assert_str_eq(sa.text ? sa.text : "", sb.text ? sb.text : "");
        for (size_t q = 0; sa.words && sa.words[q]; q++)
            ck_assert_str_eq(sa.words[q], sb.words[q] ? sb.words[q] : "(end)");
        ck_assert_int_eq(sa.words != NULL, sb.words != NULL);
    }
}

static void assert_same_model(const nt_model *a, const nt_model *b)
{
    ck_assert_uint_eq(a->k, b->k);
    ck_assert_uint_eq(a->n, b->n);
    ck_assert_uint_eq(b->vocab->n_terms, b->n);
    for (size_t j = 0; j < a->n; j++) {
        ck_assert_str_eq(a->vocab->stems[j], b->vocab->stems[j]);
        ck_assert_str_eq(a->vocab->surfaces[j], b->vocab->surfaces[j]);
        ck_assert_int_eq(a->vocab->df[j], b->vocab->df[j]);
        ck_assert_int_eq(a->vocab->counts[j], b->vocab->counts[j]);
        ck_assert(a->idf[j] == b->idf[j]);
    }
    ck_assert_mem_eq(a->h, b->h, a->k * a->n * sizeof *a->h); /* bit for bit */
    ck_assert_mem_eq(a->share, b->share, a->k * sizeof *a->share);
    ck_assert_uint_eq(a->fit.documents, b->fit.documents);
    ck_assert_uint_eq(a->fit.nonzeros, b->fit.nonzeros);
    ck_assert_int_eq(a->fit.iterations, b->fit.iterations);
    ck_assert(a->fit.objective == b->fit.objective && a->fit.rel_error == b->fit.rel_error);
    ck_assert_int_eq(a->fit.converged, b->fit.converged);
    ck_assert_uint_eq(a->nmf.k, b->nmf.k);
    assert_same_settings(a, b);
}

START_TEST(round_trip_keeps_everything)
{
    nt_model *model = small_model(NULL), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, model_file(), &err), NT_OK);
    ck_assert_int_eq(nt_model_load(model_file(), &back, &err), NT_OK);
    assert_same_model(model, back);
    /* The shares are W's column sums over its total: (0.75, 1.5) / 2.25. */
    ck_assert_double_eq_tol(back->share[0], 0.75 / 2.25, 1e-15);
    ck_assert_double_eq_tol(back->share[1], 1.5 / 2.25, 1e-15);
    ck_assert_str_eq(back->text.language, "english");
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

/* Finds a setting by section and name; fails the test when missing. */
static nt_setting find_setting(const nt_model *model, const char *section, const char *name)
{
    nt_setting s;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_model_setting_get(model, x, &s);
        if (strcmp(s.section, section) == 0 && strcmp(s.name, name) == 0)
            return s;
    }
    ck_abort_msg("no setting %s.%s", section, name);
    return s;
}

static void stopword_file(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
{
    (void)f;
    (void)n;
    static const char *const extra[] = {"apple", NULL};
    t->stopwords_file = write_stopwords();
    t->extra_stopwords = extra;
}

START_TEST(model_keeps_the_stop_words_not_the_file)
{
    nt_model *model = small_model(stopword_file), *back = NULL;
    nt_error err;
    unlink(write_stopwords()); /* the file is not needed any more */
    ck_assert_int_eq(nt_model_save(model, model_file(), &err), NT_OK);
    ck_assert_msg(nt_model_load(model_file(), &back, &err) == NT_OK, "%s", err.message);
    assert_same_model(model, back);
    const char *const want[] = {"apple", "comets", "dates", NULL};
    for (size_t q = 0; q < 4; q++)
        ck_assert_str_eq(back->text.extra_stopwords[q] ? back->text.extra_stopwords[q] : "(end)",
                         want[q] ? want[q] : "(end)");
    ck_assert_ptr_null(back->text.stopwords_file);
    ck_assert_ptr_eq(find_setting(back, "text", "stopwords").words, back->text.extra_stopwords);
    ck_assert_int_eq(find_setting(back, "text", "stopwords").kind, NT_SETTING_WORDS);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

/* Missing values need hals and the objective stop; kept apart from the options above. */
static void absent_zeros(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
{
    (void)t;
    (void)f;
    n->missing = NT_NMF_MISSING_ABSENT;
}

START_TEST(round_trip_keeps_unusual_options)
{
    nt_model *model = small_model(unusual_options), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, model_file(), &err), NT_OK);
    ck_assert_msg(nt_model_load(model_file(), &back, &err) == NT_OK, "%s", err.message);
    assert_same_model(model, back);
    /* Extra stop words are kept normalised, sorted and distinct. */
    const char *const want[] = {"apple", "zebra", "\xC3\xA9lan", NULL};
    for (size_t q = 0; q < 4; q++)
        ck_assert_str_eq(back->text.extra_stopwords[q] ? back->text.extra_stopwords[q] : "(end)",
                         want[q] ? want[q] : "(end)");
    ck_assert_ptr_null(back->text.stopwords_file);
    ck_assert_uint_eq(back->text.tokenizer.max_length, SIZE_MAX);
    ck_assert(back->text.prune.min_df.is_fraction && back->text.prune.min_df.value == 0.01);
    ck_assert_int_eq(back->nmf.algorithm, NT_NMF_MU);
    ck_assert(back->nmf.seed == UINT64_C(0xFEDCBA9876543210));
    ck_assert_int_eq(back->tfidf.norm, NT_NORM_L1);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

START_TEST(round_trip_keeps_missing_mode)
{
    nt_model *model = small_model(absent_zeros), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, model_file(), &err), NT_OK);
    ck_assert_msg(nt_model_load(model_file(), &back, &err) == NT_OK, "%s", err.message);
    ck_assert_int_eq(back->nmf.missing, NT_NMF_MISSING_ABSENT);
    assert_same_model(model, back);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

START_TEST(settings_list_the_options_by_cli_name)
{
    nt_model *model = small_model(unusual_options);
    ck_assert_str_eq(find_setting(model, "text", "min-df").text, "0.01");
    ck_assert_str_eq(find_setting(model, "text", "max-df").text, "3");
    ck_assert_str_eq(find_setting(model, "text", "language").text, "french");
    ck_assert_str_eq(find_setting(model, "text", "token-pattern").text, "word");
    ck_assert_int_eq(find_setting(model, "text", "max-token-len").integer, 0); /* no limit */
    ck_assert_int_eq(find_setting(model, "text", "stem").flag, 0);
    ck_assert_str_eq(find_setting(model, "tfidf", "norm").text, "l1");
    ck_assert_str_eq(find_setting(model, "nmf", "algorithm").text, "mu");
    ck_assert_double_eq(find_setting(model, "nmf", "tol").real, 1e-7);
    /* Sections come grouped, in the order text, tfidf, nmf. */
    const char *order[] = {"text", "tfidf", "nmf"};
    int at = 0;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_setting s;
        nt_model_setting_get(model, x, &s);
        while (at < 3 && strcmp(s.section, order[at]) != 0)
            at++;
        ck_assert_int_lt(at, 3);
    }
    nt_model_free(model);
}
END_TEST

START_TEST(create_names_an_unreadable_stopword_file)
{
    small_inputs in;
    small_inputs_make(&in, NULL);
    in.text.stopwords_file = "/nonexistent/stop.txt";
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_create(&in.text, &in.tfidf, &in.nmf, &in.dtm, &in.res, &model,
                                     &err), NT_EIO);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/stop.txt"));
    small_inputs_free(&in);
}
END_TEST

START_TEST(create_refuses_mismatched_sizes)
{
    small_inputs in;
    small_inputs_make(&in, NULL);
    in.res.m = 4; /* W of 4 documents for a matrix of 3 */
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_create(&in.text, &in.tfidf, &in.nmf, &in.dtm, &in.res, &model,
                                     &err), NT_EINVAL);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "does not match"));
    small_inputs_free(&in);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("model", &tc);
    NT_TEST_ADD(tc.core, round_trip_keeps_everything, round_trip_keeps_unusual_options,
                round_trip_keeps_missing_mode, model_keeps_the_stop_words_not_the_file,
                settings_list_the_options_by_cli_name);
    NT_TEST_ADD(tc.errors, create_refuses_mismatched_sizes,
                create_names_an_unreadable_stopword_file);
    add_model_corruption_tests(&tc);
    add_model_transform_tests(&tc);
    return nt_test_main(s);
}
