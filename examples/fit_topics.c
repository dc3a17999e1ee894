/* fit_topics.c: the nmftopics library end to end: a folder of documents to K topics,
 * printed as one line of top words each. Usage: fit_topics DIR K */
#include <stdio.h>
#include <stdlib.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/metrics.h"
#include "nmftopics/model.h"
#include "nmftopics/nmf.h"

#define TOP 8

/* One line per topic: its share of the corpus and its TOP heaviest words. */
static int print_topics(const nt_model *model, nt_error *err)
{
    int top[TOP];
    for (size_t t = 0; t < model->k; t++) {
        /* The ranking helper works on the k x n matrix H; topic t's row starts at h + t*n. */
        int rc = nt_factors_top_terms(model->h + t * model->n, 1, (int)model->n,
                                      model->n < TOP ? (int)model->n : TOP, top, err);
        if (rc != NT_OK)
            return rc;
        printf("topic %zu (%4.1f%%):", t + 1, 100.0 * model->share[t]);
        for (size_t r = 0; r < TOP && r < model->n; r++)
            printf(" %s", model->vocab->surfaces[top[r]]);
        printf("\n");
    }
    return NT_OK;
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: fit_topics DIR K\n");
        return 2;
    }
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    nmf.k = (size_t)atoi(argv[2]);

    nt_error err;
    nt_corpus *corpus = NULL;
    nt_dtm *dtm = NULL;
    nt_nmf_result *result = NULL;
    nt_model *model = NULL;
    int rc = nt_corpus_open_dir(argv[1], NULL, &corpus, &err);
    if (rc == NT_OK)
        rc = nt_dtm_build(corpus, &text, &tfidf, NULL, &dtm, &err);
    if (rc == NT_OK) {
        nt_matrix a = {dtm->A->nrow, dtm->A->ncol, dtm->A, NULL};
        rc = nt_nmf_fit(&a, &nmf, NULL, &result, &err);
    }
    /* The model keeps what new documents need: options, vocabulary, idf and H. */
    if (rc == NT_OK)
        rc = nt_model_create(&text, &tfidf, &nmf, dtm, result, &model, &err);
    if (rc == NT_OK) {
        printf("%zu documents, %zu terms, relative error %.3f\n", result->m, result->n,
               result->rel_error);
        rc = print_topics(model, &err);
    }
    if (rc != NT_OK)
        fprintf(stderr, "fit_topics: %s\n", err.message);
    nt_model_free(model);
    nt_nmf_result_free(result);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
    return rc == NT_OK ? 0 : 1;
}
