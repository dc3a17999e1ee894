/* model.c: creating a model from a fit, and releasing one. */
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

nt_model *nt_model_allocate(size_t k, size_t n)
{
    nt_model *model = calloc(1, sizeof *model);
    nt_vocab *v = calloc(1, sizeof *v);
    if (model) {
        model->vocab = v;
        model->k = k;
        model->n = n;
        model->idf = malloc(n * sizeof *model->idf);
        model->share = malloc(k * sizeof *model->share);
        model->h = malloc(k * n * sizeof *model->h);
    }
    if (v) {
        v->n_terms = n;
        v->stems = calloc(n, sizeof *v->stems);
        v->surfaces = calloc(n, sizeof *v->surfaces);
        v->df = calloc(n, sizeof *v->df);
        v->counts = calloc(n, sizeof *v->counts);
    }
    if (!model || !v || !model->idf || !model->share || !model->h || !v->stems || !v->surfaces ||
        !v->df || !v->counts) {
        if (!model)
            nt_vocab_free(v);
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
