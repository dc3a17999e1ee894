/* report_shares.c: report options, and documents' topic weights normalised per document. */
#include <math.h>
#include <stdlib.h>

#include "nmftopics/report.h"

void nt_report_options_init(nt_report_options *opts)
{
    opts->top_terms = 10;
    opts->top_docs = 5;
    opts->cloud_words = 100;
}

int nt_report_options_check(const nt_report_options *opts, nt_error *err)
{
    if (opts->top_terms < 1)
        return nt_error_set(err, NT_EINVAL, "top terms per topic is %zu; it must be at least 1",
                            opts->top_terms);
    if (opts->cloud_words < 1)
        return nt_error_set(err, NT_EINVAL, "cloud words per topic is %zu; it must be at least 1",
                            opts->cloud_words);
    return NT_OK;
}

void nt_doc_shares_free(nt_doc_shares *shares)
{
    if (!shares)
        return;
    free(shares->share);
    free(shares->dominant);
    free(shares->topic_share);
    free(shares);
}

/* Fills row i of s from docs; returns the row's sum. */
static double normalise_row(const nt_doc_topics *docs, size_t i, nt_doc_shares *s)
{
    size_t m = docs->m, k = docs->k;
    double sum = 0.0;
    for (size_t t = 0; t < k; t++)
        sum += docs->w[t * m + i];
    s->dominant[i] = -1;
    double best = 0.0;
    for (size_t t = 0; t < k; t++) {
        double v = sum > 0.0 ? docs->w[t * m + i] / sum : 0.0;
        s->share[t * m + i] = v;
        if (v > best) {
            best = v;
            s->dominant[i] = (int)t;
        }
    }
    return sum;
}

static int check_weights(const nt_doc_topics *docs, nt_error *err)
{
    for (size_t t = 0; t < docs->k; t++)
        for (size_t i = 0; i < docs->m; i++) {
            double v = docs->w[t * docs->m + i];
            if (!isfinite(v) || v < 0.0)
                return nt_error_set(err, NT_ENUMERIC, "document '%s' has topic weight %g",
                                    docs->names[i], v);
        }
    return NT_OK;
}

int nt_doc_shares_compute(const nt_doc_topics *docs, nt_doc_shares **out, nt_error *err)
{
    *out = NULL;
    int status = check_weights(docs, err);
    if (status != NT_OK)
        return status;
    size_t m = docs->m, k = docs->k;
    nt_doc_shares *s = calloc(1, sizeof *s);
    if (s) {
        s->share = malloc((m * k + 1) * sizeof *s->share);
        s->dominant = malloc((m + 1) * sizeof *s->dominant);
        s->topic_share = calloc(k + 1, sizeof *s->topic_share);
    }
    if (!s || !s->share || !s->dominant || !s->topic_share) {
        nt_doc_shares_free(s);
        return nt_error_set(err, NT_ENOMEM, "out of memory summarising %zu documents", m);
    }
    s->m = m;
    s->k = k;
    double total = 0.0;
    for (size_t i = 0; i < m; i++) {
        double sum = normalise_row(docs, i, s);
        total += sum;
        s->zero_rows += sum == 0.0;
    }
    for (size_t t = 0; t < k; t++) {
        double col = 0.0;
        for (size_t i = 0; i < m; i++)
            col += docs->w[t * m + i];
        s->topic_share[t] = total > 0.0 ? col / total : 0.0;
    }
    *out = s;
    return NT_OK;
}
