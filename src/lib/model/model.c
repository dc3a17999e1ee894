/* model.c: creating a model from a fit, and releasing one. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

nt_model *nt_model_allocate(size_t k, nt_vocab *vocab)
{
    nt_model *model = vocab ? calloc(1, sizeof *model) : NULL;
    size_t n = vocab ? vocab->n_terms : 0;
    if (model) {
        model->vocab = vocab;
        model->k = k;
        model->n = n;
        model->idf = malloc((n ? n : 1) * sizeof *model->idf);
        model->share = malloc(k * sizeof *model->share);
        model->h = malloc((k > 0 && n > 0 ? k * n : 1) * sizeof *model->h);
    }
    if (!model || !model->idf || !model->share || !model->h) {
        if (!model)
            nt_vocab_free(vocab);
        nt_model_free(model);
        return NULL;
    }
    return model;
}

void nt_model_free(nt_model *model)
{
    if (!model)
        return;
    nt_model_settings_free(model);
    nt_vocab_free(model->vocab);
    free(model->idf);
    free(model->share);
    free(model->h);
    free(model);
}

/* Topic t's share of the corpus: column t of W summed, over the sum of W. */
static void topic_shares(const nt_nmf_result *res, double *share)
{
    double total = 0.0;
    for (size_t t = 0; t < res->k; t++) {
        share[t] = 0.0;
        for (size_t i = 0; i < res->m; i++)
            share[t] += res->w[t * res->m + i];
        total += share[t];
    }
    for (size_t t = 0; t < res->k; t++)
        share[t] = total > 0.0 ? share[t] / total : 0.0;
}

static nt_model_fit fit_summary(const nt_dtm *dtm, const nt_nmf_result *res)
{
    const int *Ap = dtm->A->p;
    return (nt_model_fit){.documents = res->m,
                          .nonzeros = (size_t)Ap[dtm->A->ncol],
                          .iterations = res->iterations,
                          .objective = res->objective,
                          .rel_error = res->rel_error,
                          .converged = res->converged,
                          .best_run = res->best_run,
                          .seconds = res->seconds};
}

int nt_model_create(const nt_text_options *text, const nt_tfidf_options *tfidf,
                    const nt_nmf_options *nmf, const nt_dtm *dtm, const nt_nmf_result *result,
                    nt_model **out, nt_error *err)
{
    *out = NULL;
    size_t n = dtm->vocab->n_terms;
    if (result->n != n || result->m != dtm->A->nrow || dtm->A->ncol != n || nmf->k != result->k)
        return nt_error_set(err, NT_EINVAL, "model: the factorisation (%zu x %zu, k = %zu) does "
                            "not match the matrix (%zu x %zu, k = %zu)", result->m, result->n,
                            result->k, dtm->A->nrow, n, nmf->k);
    nt_model *model = nt_model_allocate(result->k, nt_vocab_copy(dtm->vocab));
    if (!model)
        return nt_error_set(err, NT_ENOMEM, "out of memory building the model");
    model->text = *text;
    model->text.stopwords_file = NULL;
    model->text.extra_stopwords = NULL;
    model->tfidf = *tfidf;
    model->nmf = *nmf;
    model->nmf.init_w = model->nmf.init_h = NULL;
    model->nmf.holdout = NULL;
    model->nmf.record_trace = 0;
    model->fit = fit_summary(dtm, result);
    memcpy(model->idf, dtm->idf, n * sizeof *model->idf);
    memcpy(model->h, result->h, result->k * n * sizeof *model->h);
    topic_shares(result, model->share);
    int rc = NT_OK;
    if (nt_model_settings_own(model) != NT_OK)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory building the model");
    char **stopwords = NULL;
    if (rc == NT_OK)
        rc = nt_model_stopwords_collect(text, &stopwords, err);
    model->text.extra_stopwords = (const char *const *)stopwords;
    if (rc != NT_OK) {
        nt_model_free(model);
        return rc;
    }
    *out = model;
    return NT_OK;
}
