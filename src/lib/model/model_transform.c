/* model_transform.c: topic weights of new documents, with the model's H held fixed. */
#include <stdlib.h>

#include "nmftopics/model.h"

int nt_model_transform(const nt_model *model, const nt_corpus *corpus, int threads,
                       const nt_hooks *hooks, nt_dtm **dtm, double **w, nt_error *err)
{
    *dtm = NULL;
    *w = NULL;
    nt_text_options text = model->text;
    text.threads = threads;
    nt_nmf_options nmf = model->nmf;
    nmf.threads = threads;
    const double *idf = model->tfidf.use_idf ? model->idf : NULL;
    int status = nt_dtm_build_with_vocab(corpus, &text, &model->tfidf, model->vocab, idf, hooks,
                                         dtm, err);
    if (status != NT_OK)
        return status;
    size_t m = (*dtm)->A->nrow;
    double *weights = malloc((m * model->k + 1) * sizeof *weights);
    if (!weights)
        status = nt_error_set(err, NT_ENOMEM, "out of memory for %zu x %zu topic weights", m,
                              model->k);
    nt_matrix a = {m, model->n, (*dtm)->A, NULL};
    if (status == NT_OK)
        status = nt_nmf_project(&a, model->h, &nmf, weights, err);
    if (status != NT_OK) {
        free(weights);
        nt_dtm_free(*dtm);
        *dtm = NULL;
        return status;
    }
    *w = weights;
    return NT_OK;
}
