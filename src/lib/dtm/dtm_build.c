/* dtm_build.c: the two ways to a document-term matrix: fitting a vocabulary to a corpus,
 * or applying a fitted one to new documents. Both run the same pipeline and assembly. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "dtm/assemble.h"
#include "dtm/pipeline.h"
#include "nmftopics/matrix.h"

void nt_dtm_free(nt_dtm *dtm)
{
    if (!dtm)
        return;
    nt_sparse_free(&dtm->A);
    for (size_t i = 0; dtm->doc_names && i < dtm->stats.documents; i++)
        free(dtm->doc_names[i]);
    free(dtm->doc_names);
    nt_vocab_free(dtm->vocab);
    free(dtm->idf);
    free(dtm);
}

/* Validates the options and runs the pipeline (offering surface forms when surfaces is
 * set); a corpus of binary documents only is NT_EEMPTY. */
static int count_corpus(const nt_corpus *corpus, const nt_text_options *text,
                        const nt_tfidf_options *tfidf, int surfaces, const nt_hooks *hooks,
                        nt_pipeline *p, nt_error *err)
{
    memset(p, 0, sizeof *p);
    int rc = nt_text_options_check(text, err);
    if (rc == NT_OK)
        rc = nt_tfidf_options_check(tfidf, err);
    if (rc == NT_OK)
        rc = nt_pipeline_run(corpus, text, surfaces, hooks, p, err);
    if (rc == NT_OK && p->m == 0)
        rc = nt_error_set(err, NT_EEMPTY, "no documents left: all %zu hold NUL bytes (binary)",
                          nt_corpus_count(corpus));
    return rc;
}

/* Makes the nt_dtm from counted rows, taking ownership of vocab and idf (freed on
 * failure too); either being NULL stands for an allocation that failed. */
static int make_dtm(const nt_corpus *corpus, const nt_pipeline *p, nt_vocab *vocab,
                    double *idf, const int *map, const nt_tfidf_options *tfidf, int threads,
                    nt_dtm **out, nt_error *err)
{
    nt_dtm *d = vocab && idf ? calloc(1, sizeof *d) : NULL;
    if (!d || !(d->doc_names = calloc(p->m ? p->m : 1, sizeof *d->doc_names))) {
        free(d);
        nt_vocab_free(vocab);
        free(idf);
        return nt_error_set(err, NT_ENOMEM, "out of memory");
    }
    d->vocab = vocab;
    d->idf = idf;
    d->stats = p->stats;
    int rc = nt_dtm_assemble(p->rows, p->m, map, vocab->n_terms, idf, tfidf, threads, &d->A,
                             &d->stats.empty_rows, err);
    for (size_t i = 0; rc == NT_OK && i < p->m; i++)
        if (!(d->doc_names[i] = strdup(nt_corpus_name(corpus, p->kept[i]))))
            rc = nt_error_set(err, NT_ENOMEM, "out of memory copying document names");
    if (rc != NT_OK) {
        nt_dtm_free(d);
        return rc;
    }
    *out = d;
    return NT_OK;
}

int nt_dtm_build(const nt_corpus *corpus, const nt_text_options *text,
                 const nt_tfidf_options *tfidf, const nt_hooks *hooks, nt_dtm **out,
                 nt_error *err)
{
    nt_pipeline p;
    int rc = count_corpus(corpus, text, tfidf, 1, hooks, &p, err);
    if (rc == NT_OK && nt_vocab_builder_count(p.builder) == 0)
        rc = nt_error_set(err, NT_EEMPTY,
                          "no terms in %zu documents: every document is empty or holds only "
                          "stop words and tokens outside the length bounds", p.m);
    nt_vocab *vocab = NULL;
    int *map = NULL;
    if (rc == NT_OK)
        rc = nt_vocab_builder_finish(p.builder, &text->prune, p.m, &vocab, &map, err);
    if (rc == NT_OK)
        rc = make_dtm(corpus, &p, vocab, nt_dtm_idf(vocab, p.m, tfidf->use_idf), map, tfidf,
                      text->threads, out, err);
    free(map);
    nt_pipeline_free(&p);
    return rc;
}

int nt_dtm_build_with_vocab(const nt_corpus *corpus, const nt_text_options *text,
                            const nt_tfidf_options *tfidf, const nt_vocab *vocab,
                            const double *idf, const nt_hooks *hooks, nt_dtm **out,
                            nt_error *err)
{
    nt_pipeline p;
    int rc = count_corpus(corpus, text, tfidf, 0, hooks, &p, err);
    int *map = NULL;
    if (rc == NT_OK)
        rc = nt_vocab_builder_map(p.builder, vocab, &map, err);
    if (rc == NT_OK) {
        double *idf_copy = malloc((vocab->n_terms ? vocab->n_terms : 1) * sizeof *idf_copy);
        for (size_t j = 0; idf_copy && j < vocab->n_terms; j++)
            idf_copy[j] = idf ? idf[j] : 1.0;
        rc = make_dtm(corpus, &p, nt_vocab_copy(vocab), idf_copy, map, tfidf, text->threads,
                      out, err);
    }
    free(map);
    nt_pipeline_free(&p);
    return rc;
}
