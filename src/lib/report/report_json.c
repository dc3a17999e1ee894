/* report_json.c: report.json, whose schema docs/report-json.md documents. */
#include <string.h>

#include "common/json_write.h"
#include "report_internal.h"

/* Bumped when a field changes meaning or disappears; adding fields keeps it. */
#define REPORT_JSON_VERSION 2

static void write_setting(FILE *fp, const nt_setting *s)
{
    nt_json_string(fp, s->name);
    fputs(": ", fp);
    switch (s->kind) {
    case NT_SETTING_BOOL: fputs(s->flag ? "true" : "false", fp); break;
    case NT_SETTING_INTEGER: fprintf(fp, "%lld", s->integer); break;
    case NT_SETTING_REAL: nt_json_number(fp, s->real); break;
    case NT_SETTING_WORDS:
        fputc('[', fp);
        for (size_t q = 0; s->words && s->words[q]; q++) {
            fputs(q ? ", " : "", fp);
            nt_json_string(fp, s->words[q]);
        }
        fputc(']', fp);
        break;
    default:
        if (s->text)
            nt_json_string(fp, s->text);
        else
            fputs("null", fp);
        break;
    }
}

/* "options": {"text": {...}, "tfidf": {...}, "nmf": {...}}, grouped by section in the
 * model's fixed order. */
static void write_options(FILE *fp, const nt_model *model)
{
    fputs("  \"options\": {", fp);
    const char *section = NULL;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_setting s;
        nt_model_setting_get(model, x, &s);
        if (!section || strcmp(section, s.section) != 0) {
            fputs(section ? "},\n    " : "\n    ", fp);
            nt_json_string(fp, s.section);
            fputs(": {", fp);
            section = s.section;
        } else {
            fputs(", ", fp);
        }
        write_setting(fp, &s);
    }
    fputs(section ? "}\n  },\n" : "},\n", fp);
}

static void write_fit(FILE *fp, const nt_model *model)
{
    const nt_model_fit *f = &model->fit;
    fprintf(fp, "  \"vocabulary_size\": %zu,\n", model->n);
    fprintf(fp, "  \"fit\": {\"documents\": %zu, \"nonzeros\": %zu, \"k\": %zu, ",
            f->documents, f->nonzeros, model->k);
    fprintf(fp, "\"iterations\": %d, ", f->iterations);
    nt_json_field(fp, "objective", f->objective, ", ");
    nt_json_field(fp, "relative_error", f->rel_error, ", ");
    fprintf(fp, "\"converged\": %s, \"best_run\": %d, ", f->converged ? "true" : "false",
            f->best_run);
    nt_json_field(fp, "seconds", f->seconds, "},\n");
}

static void write_topic(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                        const nt_ranking *r, size_t t)
{
    fprintf(fp, "    {\"topic\": %zu, \"share\": ", t + 1);
    nt_json_number(fp, nt_ranking_topic_share(r, model, t));
    fputs(",\n     \"terms\": [", fp);
    for (size_t rank = 0; rank < r->T; rank++) {
        size_t j = (size_t)r->terms[t * r->T + rank];
        fputs(rank ? ",\n               {\"word\": " : "{\"word\": ", fp);
        nt_json_string(fp, model->vocab->surfaces[j]);
        fputs(", \"stem\": ", fp);
        nt_json_string(fp, model->vocab->stems[j]);
        fputs(", \"weight\": ", fp);
        nt_json_number(fp, model->h[t * model->n + j]);
        fputc('}', fp);
    }
    fputs("],\n     \"top_documents\": [", fp);
    for (size_t rank = 0; rank < r->D; rank++) {
        size_t i = (size_t)r->docs[t * r->D + rank];
        fputs(rank ? ",\n                       {\"name\": " : "{\"name\": ", fp);
        nt_json_string(fp, docs->names[i]);
        fputs(", \"share\": ", fp);
        nt_json_number(fp, r->shares->share[t * docs->m + i]);
        fputc('}', fp);
    }
    fputs("]}", fp);
}

static void write_documents(FILE *fp, const nt_doc_topics *docs, const nt_doc_shares *s)
{
    fputs("  \"documents\": [", fp);
    for (size_t i = 0; i < docs->m; i++) {
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
        nt_json_string(fp, docs->names[i]);
        fputs(", \"weights\": [", fp);
        for (size_t t = 0; t < docs->k; t++) {
            if (t)
                fputs(", ", fp);
            nt_json_number(fp, s->share[t * docs->m + i]);
        }
        if (s->dominant[i] < 0)
            fputs("], \"dominant_topic\": null}", fp);
        else
            fprintf(fp, "], \"dominant_topic\": %d}", s->dominant[i] + 1);
    }
    fputs(docs->m ? "\n  ]\n" : "]\n", fp);
}

int nt_report_write_json(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                         const nt_report_options *opts, nt_error *err)
{
    nt_ranking r;
    int status = nt_ranking_compute(model, docs, opts->top_terms, opts->top_docs, &r, err);
    if (status != NT_OK)
        return status;
    fprintf(fp, "{\n  \"format\": \"nmftopics-report\",\n  \"version\": %d,\n", REPORT_JSON_VERSION);
    write_options(fp, model);
    write_fit(fp, model);
    fputs("  \"topics\": [\n", fp);
    for (size_t t = 0; t < model->k; t++) {
        write_topic(fp, model, docs, &r, t);
        fputs(t + 1 < model->k ? ",\n" : "\n", fp);
    }
    fputs(docs ? "  ],\n" : "  ]\n", fp);
    if (docs)
        write_documents(fp, docs, r.shares);
    fputs("}\n", fp);
    nt_ranking_free(&r);
    return nt_report_stream_status(fp, "report.json", err);
}
