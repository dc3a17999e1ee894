/* test_rank_edge.c: edge cases of the survey (one run, sampled and empty documents,
 * determinism, missing absent), the writers, and the errors. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "rank_fixtures.h"

static cholmod_sparse *A;
static size_t ks[3] = {2, 3, 4};

static void setup(void)
{
    A = planted_corpus(60, 3, 15, 10, 40, 5);
}

static void teardown(void)
{
    nt_sparse_free(&A);
}

static nt_rank_options small_options(int runs)
{
    nt_rank_options o;
    nt_rank_options_init(&o);
    o.ks = ks;
    o.nk = 3;
    o.runs = runs;
    o.nmf.threads = 1;
    return o;
}

static nt_rank_table *survey_or_fail(const cholmod_sparse *a, const nt_rank_options *o)
{
    nt_rank_table *t = NULL;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_msg(nt_rank_survey(a, o, NULL, &t, &err) == NT_OK, "survey: %s", err.message);
    return t;
}

/* One run: no consensus (NaN), the other figures are there; the same options give the same
 * table again, to the bit (times aside). */
START_TEST(one_run_and_determinism)
{
    nt_rank_options o = small_options(1);
    nt_rank_table *t1 = survey_or_fail(A, &o), *t2 = survey_or_fail(A, &o);
    for (size_t q = 0; q < 3; q++) {
        nt_rank_row *r = &t1->rows[q];
        ck_assert(isnan(r->cophenetic) && isnan(r->dispersion));
        ck_assert(r->rel_error > 0 && r->rel_error < 1 && r->cv_error > 0);
        ck_assert(r->diversity > 0 && r->diversity <= 1 && r->npmi >= -1 && r->npmi <= 1);
        t2->rows[q].seconds = r->seconds;
        ck_assert_int_eq(memcmp(r, &t2->rows[q], sizeof *r), 0);
    }
    ck_assert_uint_eq(t1->consensus_docs, 60);
    nt_rank_table_free(t1);
    nt_rank_table_free(t2);
}
END_TEST

/* Above consensus_docs the consensus takes a sample of that size; empty documents are
 * never in it; with missing absent no zero is held out. */
START_TEST(consensus_sample_and_absent_zeros)
{
    nt_rank_options o = small_options(2);
    o.consensus_docs = 25;
    nt_rank_table *t = survey_or_fail(A, &o);
    ck_assert_uint_eq(t->consensus_docs, 25);
    ck_assert(t->rows[0].cophenetic >= -1 && t->rows[0].cophenetic <= 1);
    ck_assert_uint_gt(t->heldout_zeros, 0);
    nt_rank_table_free(t);
    /* The same matrix with two more, empty, rows. */
    cholmod_sparse *b = nt_sparse_allocate(62, A->ncol, (size_t)((int *)A->p)[A->ncol]);
    memcpy(b->p, A->p, (A->ncol + 1) * sizeof(int));
    memcpy(b->i, A->i, (size_t)((int *)A->p)[A->ncol] * sizeof(int));
    memcpy(b->x, A->x, (size_t)((int *)A->p)[A->ncol] * sizeof(double));
    o = small_options(2);
    o.nmf.missing = NT_NMF_MISSING_ABSENT;
    t = survey_or_fail(b, &o);
    ck_assert_uint_eq(t->documents, 62);
    ck_assert_uint_eq(t->consensus_docs, 60);
    ck_assert_uint_eq(t->heldout_zeros, 0);
    nt_rank_table_free(t);
    nt_sparse_free(&b);
}
END_TEST

/* TSV: a header, NA for undefined figures, 1 on the recommended row. JSON: null for them,
 * the recommendation with its reason escaped. */
START_TEST(writers_mark_undefined_and_recommended)
{
    size_t k2[2] = {2, 5};
    double cv[2] = {0.5, 0.25}, coph[2] = {NAN, 0.75};
    nt_rank_table *t = table_of(2, k2, cv, coph, 3);
    nt_rank_choice c;
    ck_assert_int_eq(nt_rank_recommend(t, &c, NULL), NT_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_int_eq(nt_rank_write_tsv(fp, t, &c, NULL), NT_OK);
    fclose(fp);
    ck_assert_str_eq(buf, "k\trel_error\tcv_error\tcophenetic\tdispersion\tnpmi\tdiversity\t"
                          "unconverged\tseconds\trecommended\n"
                          "2\t0\t0.5\tNA\tNA\t0\t0\t0\t0\t0\n"
                          "5\t0\t0.25\t0.75\t0.75\t0\t0\t0\t0\t1\n");
    free(buf);
    fp = open_memstream(&buf, &len);
    ck_assert_int_eq(nt_rank_write_json(fp, t, &c, NULL), NT_OK);
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(buf, "{\"k\": 2, \"rel_error\": 0, \"cv_error\": 0.5, "
                                      "\"cophenetic\": null, \"dispersion\": null"));
    ck_assert_ptr_nonnull(strstr(buf, "\"recommendation\": {\"k\": 5, \"basis\": "
                                      "\"cross-validation\", \"reason\": \"k = 5 has"));
    free(buf);
    nt_rank_table_free(t);
}
END_TEST

void rank_add_edge_tests(TCase *tc)
{
    tcase_add_checked_fixture(tc, setup, teardown);
    NT_TEST_ADD(tc, one_run_and_determinism, consensus_sample_and_absent_zeros,
                writers_mark_undefined_and_recommended);
}

static void expect_refused(nt_rank_options *o, const char *needle)
{
    nt_rank_table *t = (nt_rank_table *)1;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(nt_rank_survey(A, o, NULL, &t, &err), NT_EINVAL);
    ck_assert_ptr_null(t);
    NT_TEST_ASSERT_CONTAINS(err.message, needle);
}

/* Every option out of range is named before any fit. */
START_TEST(bad_options_are_named)
{
    nt_rank_options o = small_options(2);
    size_t big[2] = {3, 56}, down[2] = {4, 3};
    o.ks = big, o.nk = 2;
    expect_refused(&o, "k = 56 is out of range: it must be from 1 to min(documents, terms) = 55 "
                       "for a 60 x 55 matrix");
    o.ks = down;
    expect_refused(&o, "candidate ranks must increase: 3 follows 4");
    o = small_options(0);
    expect_refused(&o, "runs = 0");
    o = small_options(2);
    o.holdout = 0.6;
    expect_refused(&o, "hold-out share 0.6 is out of range");
    o.holdout = 0.05, o.top_terms = 1;
    expect_refused(&o, "top-terms = 1");
    o.top_terms = 10, o.consensus_docs = 20001;
    expect_refused(&o, "consensus-docs = 20001 is out of range");
    o.consensus_docs = 100, o.nmf.algorithm = NT_NMF_KL;
    expect_refused(&o, "held-out entries need algorithm hals or mu, not kl");
    o.nmf.algorithm = NT_NMF_HALS, o.nk = 0;
    expect_refused(&o, "no candidate rank");
}
END_TEST

/* Before any matrix: the fits' settings are checked (no start but random, hals or mu), and
 * the candidate ks, which need the matrix, are not. */
START_TEST(settings_checked_without_matrix)
{
    nt_rank_options o = small_options(2);
    nt_error err;
    o.nk = 0;
    ck_assert_int_eq(nt_rank_options_check_settings(&o, &err), NT_OK);
    o.nmf.init = NT_NMF_INIT_NNDSVD;
    ck_assert_int_eq(nt_rank_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "init nndsvd: the survey's fits start at random");
    o.nmf.init = NT_NMF_INIT_RANDOM, o.nmf.algorithm = NT_NMF_ANLS_BPP;
    ck_assert_int_eq(nt_rank_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "need algorithm hals or mu, not anls-bpp");
    o.nmf.algorithm = NT_NMF_HALS, o.runs = 0;
    ck_assert_int_eq(nt_rank_options_check_settings(&o, &err), NT_EINVAL);
    NT_TEST_ASSERT_CONTAINS(err.message, "runs = 0");
}
END_TEST

/* A share that draws no nonzero, or is out of range, is refused by the sampler. */
START_TEST(holdout_share_errors)
{
    cholmod_sparse *tiny = planted_corpus(4, 2, 2, 1, 3, 1);
    nt_holdout *h = (nt_holdout *)1;
    nt_error err;
    ck_assert_int_eq(nt_holdout_sample(tiny, 1e-9, 1, 1, &h, &err), NT_EEMPTY);
    ck_assert_ptr_null(h);
    ck_assert_ptr_nonnull(strstr(err.message, "too few to cross-validate"));
    ck_assert_int_eq(nt_holdout_sample(tiny, 0.0, 1, 1, &h, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "hold-out share 0 is out of range"));
    nt_sparse_free(&tiny);
}
END_TEST

void rank_add_error_tests(TCase *tc)
{
    tcase_add_checked_fixture(tc, setup, teardown);
    NT_TEST_ADD(tc, bad_options_are_named, settings_checked_without_matrix, holdout_share_errors);
}
