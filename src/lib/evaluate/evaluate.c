/* evaluate.c: the scores of a model on a corpus: coherence and diversity of its topics,
 * dominant topics of the documents, and their agreement with labels. */
#include "nmftopics/evaluate.h"

#include <stdlib.h>

/* NPMI/UMass over the top T terms and diversity over the top D terms of H. */
static int topic_scores(const nt_model *model, const nt_dtm *dtm, nt_evaluation *ev,
                        nt_error *err)
{
    int k = (int)model->k, n = (int)model->n, T = ev->top_terms, D = ev->diversity_terms;
    int *top = malloc((size_t)k * (size_t)(T > D ? T : D) * sizeof *top);
    if (!top)
        return nt_error_set(err, NT_ENOMEM, "out of memory for top terms");
    int rc = nt_factors_top_terms(model->h, k, n, T, top, err);
    if (rc == NT_OK && !(ev->coherence = nt_coherence_compute(dtm->A, top, k, T, err)))
        rc = err ? err->status : NT_ENOMEM;
    if (rc == NT_OK)
        rc = nt_factors_top_terms(model->h, k, n, D, top, err);
    if (rc == NT_OK)
        rc = nt_diversity_compute(top, k, D, &ev->diversity, err);
    free(top);
    return rc;
}

/* Dominant topics; a document with all-zero weights gets none (-1). */
static int dominant(const double *w, size_t m, size_t k, int *topic, nt_evaluation *ev,
                    nt_error *err)
{
    int rc = nt_factors_dominant_topics(w, (int)m, (int)k, topic, err);
    for (size_t i = 0; rc == NT_OK && i < m; i++) {
        int any = 0;
        for (size_t t = 0; t < k && !any; t++)
            any = w[t * m + i] > 0.0;
        if (any) {
            ev->topic_documents[topic[i]]++;
        } else {
            topic[i] = -1;
            ev->zero_documents++;
        }
    }
    return rc;
}

/* Agreement over the labelled documents that have a dominant topic. */
static int agreement(const nt_labels *labels, const int *topic, size_t m, nt_evaluation *ev,
                     nt_error *err)
{
    int *label = malloc(m * sizeof *label), *kept = malloc(m * sizeof *kept);
    int rc = label && kept ? NT_OK : nt_error_set(err, NT_ENOMEM, "out of memory for labels");
    ev->has_labels = 1;
    ev->unknown_names = labels->unknown;
    for (size_t i = 0; rc == NT_OK && i < m; i++) {
        ev->unlabelled += labels->label[i] < 0;
        label[i] = topic[i] < 0 ? -1 : labels->label[i];
        kept[i] = topic[i] < 0 ? 0 : topic[i];
    }
    if (rc == NT_OK)
        rc = nt_agreement_compute(kept, label, (int)m, &ev->agreement, err);
    if (rc == NT_EEMPTY)
        rc = nt_error_set(err, NT_EEMPTY, "no labelled document shares a term with the model");
    free(label);
    free(kept);
    return rc;
}

int nt_evaluation_compute(const nt_model *model, const nt_dtm *dtm, const double *w,
                          const nt_labels *labels, int top_terms, nt_evaluation **out,
                          nt_error *err)
{
    *out = NULL;
    size_t m = dtm->A->nrow, k = model->k, n = model->n;
    if (dtm->A->ncol != n || (labels && labels->m != m) || top_terms < 2 || n < 2)
        return nt_error_set(err, NT_EINVAL, "evaluate: the matrix (%zu x %zu), the model (%zu "
                                            "terms), the labels (%zu documents) or top-terms "
                                            "(%d, at least 2) do not fit together",
                            m, (size_t)dtm->A->ncol, n, labels ? labels->m : m, top_terms);
    nt_evaluation *ev = calloc(1, sizeof *ev);
    int *topic = malloc((m ? m : 1) * sizeof *topic);
    int rc = NT_OK;
    if (!ev || !topic || !(ev->topic_documents = calloc(k, sizeof *ev->topic_documents)))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory for the evaluation");
    if (rc == NT_OK) {
        ev->documents = m;
        ev->topics = k;
        ev->top_terms = top_terms < (int)n ? top_terms : (int)n;
        ev->diversity_terms = NT_DIVERSITY_TOP_TERMS < (int)n ? NT_DIVERSITY_TOP_TERMS : (int)n;
        rc = topic_scores(model, dtm, ev, err);
    }
    if (rc == NT_OK)
        rc = dominant(w, m, k, topic, ev, err);
    if (rc == NT_OK && labels)
        rc = agreement(labels, topic, m, ev, err);
    free(topic);
    if (rc != NT_OK) {
        nt_evaluation_free(ev);
        return rc;
    }
    *out = ev;
    return NT_OK;
}

void nt_evaluation_free(nt_evaluation *evaluation)
{
    if (!evaluation)
        return;
    nt_coherence_free(evaluation->coherence);
    free(evaluation->topic_documents);
    free(evaluation);
}
