/* report_tsv.c: topics.tsv, doc_topics.tsv and the per-topic word lists for word clouds. */
#include "common/number.h"
#include "report_internal.h"

/* Writes a tab, then w with 6 significant digits ("%.6g" in the C locale): plenty for
 * reading and plotting; report.json and the model keep full precision. */
static void put_weight(FILE *fp, double w)
{
    char buf[NT_NUMBER_MAX];
    nt_number_g(buf, 6, w);
    fputc('\t', fp);
    fputs(buf, fp);
}

/* Writes s with tabs, carriage returns and newlines turned into spaces, so a file name
 * holding one cannot break the table's shape. */
static void put_field(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

int nt_report_write_topics_tsv(FILE *fp, const nt_model *model, const nt_report_options *opts,
                               nt_error *err)
{
    nt_ranking r;
    int status = nt_ranking_compute(model, NULL, opts->top_terms, 0, &r, err);
    if (status != NT_OK)
        return status;
    fputs("topic\trank\tword\tstem\tweight\n", fp);
    for (size_t t = 0; t < r.k; t++)
        for (size_t rank = 0; rank < r.T; rank++) {
            size_t j = (size_t)r.terms[t * r.T + rank];
            fprintf(fp, "%zu\t%zu\t", t + 1, rank + 1);
            put_field(fp, model->vocab->surfaces[j]);
            fputc('\t', fp);
            put_field(fp, model->vocab->stems[j]);
            put_weight(fp, model->h[t * model->n + j]);
            fputc('\n', fp);
        }
    nt_ranking_free(&r);
    return nt_report_stream_status(fp, "topics.tsv", err);
}

int nt_report_write_doc_topics_tsv(FILE *fp, const nt_doc_topics *docs, nt_error *err)
{
    nt_doc_shares *s;
    int status = nt_doc_shares_compute(docs, &s, err);
    if (status != NT_OK)
        return status;
    fputs("document", fp);
    for (size_t t = 0; t < docs->k; t++)
        fprintf(fp, "\ttopic_%zu", t + 1);
    fputs("\tdominant\n", fp);
    for (size_t i = 0; i < docs->m; i++) {
        put_field(fp, docs->names[i]);
        for (size_t t = 0; t < docs->k; t++)
            put_weight(fp, s->share[t * docs->m + i]);
        if (s->dominant[i] < 0)
            fputs("\tNA\n", fp);
        else
            fprintf(fp, "\t%d\n", s->dominant[i] + 1);
    }
    nt_doc_shares_free(s);
    return nt_report_stream_status(fp, "doc_topics.tsv", err);
}

int nt_report_write_topic_words(FILE *fp, const nt_model *model, size_t t,
                                const nt_report_options *opts, nt_error *err)
{
    if (t >= model->k)
        return nt_error_set(err, NT_EINVAL, "topic %zu does not exist (the model has %zu)", t + 1,
                            model->k);
    nt_ranking r;
    int status = nt_ranking_compute(model, NULL, opts->cloud_words, 0, &r, err);
    if (status != NT_OK)
        return status;
    for (size_t rank = 0; rank < r.T; rank++) {
        size_t j = (size_t)r.terms[t * r.T + rank];
        double weight = model->h[t * model->n + j];
        if (weight <= 0.0)
            break;
        put_field(fp, model->vocab->surfaces[j]);
        put_weight(fp, weight);
        fputc('\n', fp);
    }
    nt_ranking_free(&r);
    return nt_report_stream_status(fp, "a topic's word list", err);
}
