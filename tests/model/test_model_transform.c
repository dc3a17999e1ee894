/* test_model_transform.c: transforming with a saved model: the training corpus gives back
 * the fitted W, and new documents go to the topic of their kind. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "model_fixtures.h"

static double relative_difference(const double *a, const double *b, size_t n)
{
    double diff = 0.0, norm = 0.0;
    for (size_t i = 0; i < n; i++) {
        diff += (a[i] - b[i]) * (a[i] - b[i]);
        norm += a[i] * a[i];
    }
    return sqrt(diff / norm);
}

/* Fits 4 topics to the 13 small documents of tests/data/model/corpus (astronomy, cooking,
 * football, gardening, and one mixed) with the default NMF options, then makes W the
 * projection of A onto the final H as fit does (nt_nmf_result_project). A stop-word file
 * removes "comets" (and "dates"), whose stem "comet" stays in the vocabulary through
 * "comet"; the file is deleted once the model is made, so a transform must take the words
 * from the model. */
static void fit_small_corpus(nt_corpus **corpus, nt_dtm **dtm, nt_nmf_result **res,
                             nt_model **model)
{
    nt_error err;
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    text.threads = nmf.threads = 1;
    text.stopwords_file = write_stopwords();
    nmf.k = 4;
    ck_assert_int_eq(nt_corpus_open_dir(NT_TEST_DATA_DIR "/model/corpus", NULL, corpus, &err),
                     NT_OK);
    ck_assert_msg(nt_dtm_build(*corpus, &text, &tfidf, NULL, dtm, &err) == NT_OK, "%s",
                  err.message);
    nt_matrix a = {(*dtm)->A->nrow, (*dtm)->A->ncol, (*dtm)->A, NULL};
    ck_assert_msg(nt_nmf_fit(&a, &nmf, NULL, res, &err) == NT_OK, "%s", err.message);
    ck_assert_msg(nt_nmf_result_project(&a, &nmf, *res, &err) == NT_OK, "%s", err.message);
    ck_assert_int_eq(nt_model_create(&text, &tfidf, &nmf, *dtm, *res, model, &err), NT_OK);
    unlink(text.stopwords_file);
}

START_TEST(transform_of_training_corpus_reproduces_w)
{
    nt_corpus *corpus;
    nt_dtm *dtm, *again;
    nt_nmf_result *res;
    nt_model *model, *loaded;
    nt_error err;
    fit_small_corpus(&corpus, &dtm, &res, &model);
    ck_assert_int_eq(nt_model_save(model, model_file(), &err), NT_OK);
    ck_assert_int_eq(nt_model_load(model_file(), &loaded, &err), NT_OK);
    double *w;
    ck_assert_msg(nt_model_transform(loaded, corpus, 1, NULL, &again, &w, &err) == NT_OK, "%s",
                  err.message);
    /* The same preprocessing from the saved options, stop words included, gives the same
     * matrix... */
    const cholmod_sparse *A = dtm->A, *B = again->A;
    ck_assert_uint_eq(A->nrow, B->nrow);
    ck_assert_uint_eq(A->ncol, B->ncol);
    const int *Ap = A->p, *Bp = B->p;
    ck_assert_int_eq(Ap[A->ncol], Bp[B->ncol]);
    ck_assert_mem_eq(A->i, B->i, (size_t)Ap[A->ncol] * sizeof(int));
    ck_assert_double_eq_tol(relative_difference(A->x, B->x, (size_t)Ap[A->ncol]), 0.0, 1e-14);
    /* ...and NNLS against the fixed H gives the W fit reported: the same computation on
     * the same H and a matrix equal to 1e-14, so the tolerance is 1e-10 (relative,
     * Frobenius norm) rather than the 1e-3 the stopping rule alone would allow. */
    double rel = relative_difference(res->w, w, res->m * res->k);
    ck_assert_msg(rel <= 1e-10, "transform differs from fit by %g", rel);
    free(w);
    nt_dtm_free(again);
    nt_model_free(loaded);
    nt_model_free(model);
    nt_nmf_result_free(res);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
}
END_TEST

START_TEST(transform_of_new_documents)
{
    nt_corpus *corpus, *fresh;
    nt_dtm *dtm, *new_dtm;
    nt_nmf_result *res;
    nt_model *model;
    nt_error err;
    fit_small_corpus(&corpus, &dtm, &res, &model);
    ck_assert_int_eq(nt_corpus_open_dir(NT_TEST_DATA_DIR "/model/new", NULL, &fresh, &err), NT_OK);
    double *w;
    ck_assert_int_eq(nt_model_transform(model, fresh, 1, NULL, &new_dtm, &w, &err), NT_OK);
    ck_assert_uint_eq(new_dtm->A->nrow, 2);
    ck_assert_str_eq(new_dtm->doc_names[0], "cooking.txt");
    /* The cooking text goes to the topic where cook1.txt (row 3) weighs most. */
    size_t m = res->m, k = res->k, cook = 0, best = 0;
    for (size_t t = 1; t < k; t++) {
        cook = res->w[t * m + 3] > res->w[cook * m + 3] ? t : cook;
        best = w[t * 2] > w[best * 2] ? t : best;
    }
    ck_assert_uint_eq(best, cook);
    ck_assert_double_gt(w[cook * 2], 0.0);
    /* A document without any known term gets all-zero weights. */
    for (size_t t = 0; t < k; t++)
        ck_assert_double_eq(w[t * 2 + 1], 0.0);
    free(w);
    nt_dtm_free(new_dtm);
    nt_corpus_free(fresh);
    nt_model_free(model);
    nt_nmf_result_free(res);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
}
END_TEST

void add_model_transform_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, transform_of_training_corpus_reproduces_w, transform_of_new_documents);
}
