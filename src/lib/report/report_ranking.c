/* report_ranking.c: the top terms and top documents of each topic, via the metrics helpers. */
#include <stdlib.h>

#include "nmftopics/metrics.h"
#include "report_internal.h"

void nt_ranking_free(nt_ranking *r)
{
    free(r->terms);
    free(r->docs);
    nt_doc_shares_free(r->shares);
    r->terms = r->docs = NULL;
    r->shares = NULL;
}

static int rank_docs(const nt_doc_topics *docs, size_t D, nt_ranking *r, nt_error *err)
{
    int status = nt_doc_shares_compute(docs, &r->shares, err);
    if (status != NT_OK || D == 0)
        return status;
    r->docs = malloc(r->k * D * sizeof *r->docs);
    if (!r->docs)
        return nt_error_set(err, NT_ENOMEM, "out of memory ranking documents");
    /* The share matrix is k x m factor-major, the layout the term ranking expects of H. */
    return nt_factors_top_terms(r->shares->share, (int)r->k, (int)docs->m, (int)D, r->docs, err);
}

int nt_ranking_compute(const nt_model *model, const nt_doc_topics *docs, size_t T, size_t D,
                       nt_ranking *out, nt_error *err)
{
    *out = (nt_ranking){.k = model->k, .T = T < model->n ? T : model->n};
    if (docs && docs->k != model->k)
        return nt_error_set(err, NT_EINVAL, "documents have %zu topic weights but the model has %zu topics",
                            docs->k, model->k);
    out->D = docs ? (D < docs->m ? D : docs->m) : 0;
    out->terms = malloc(out->k * out->T * sizeof *out->terms);
    if (!out->terms)
        return nt_error_set(err, NT_ENOMEM, "out of memory ranking terms");
    int status = nt_factors_top_terms(model->h, (int)model->k, (int)model->n, (int)out->T,
                                      out->terms, err);
    if (status == NT_OK && docs)
        status = rank_docs(docs, out->D, out, err);
    if (status != NT_OK)
        nt_ranking_free(out);
    return status;
}

double nt_ranking_topic_share(const nt_ranking *r, const nt_model *model, size_t t)
{
    return r->shares ? r->shares->topic_share[t] : model->share[t];
}

int nt_report_stream_status(FILE *fp, const char *what, nt_error *err)
{
    if (ferror(fp))
        return nt_error_set(err, NT_EIO, "cannot write %s", what);
    return NT_OK;
}
