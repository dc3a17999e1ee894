/* report_text.c: the topic report as aligned plain text, for a terminal or a README. */
#include <string.h>

#include "report_internal.h"

/* Columns on screen: code points, not bytes (UTF-8 continuation bytes take no column). */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void put_padded(FILE *fp, const char *s, size_t width)
{
    fputs(s, fp);
    for (size_t w = display_width(s); w < width; w++)
        fputc(' ', fp);
}

typedef struct text_layout {
    size_t word_width;  /* widest shown word, at least the heading's */
    size_t doc_width;   /* widest shown document name */
} text_layout;

static text_layout measure(const nt_model *model, const nt_doc_topics *docs, const nt_ranking *r)
{
    text_layout L = {strlen("word"), strlen("document")};
    for (size_t x = 0; x < r->k * r->T; x++) {
        size_t w = display_width(model->vocab->surfaces[r->terms[x]]);
        L.word_width = w > L.word_width ? w : L.word_width;
    }
    for (size_t x = 0; x < r->k * r->D; x++) {
        size_t w = display_width(docs->names[r->docs[x]]);
        L.doc_width = w > L.doc_width ? w : L.doc_width;
    }
    return L;
}

/* One line: the rank-th term of topic t and, beside it, the rank-th document; terms of
 * zero weight and documents of zero share are left out, and so is a line with neither. */
static void write_row(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                      const nt_ranking *r, text_layout L, size_t t, size_t rank)
{
    size_t j = rank < r->T ? (size_t)r->terms[t * r->T + rank] : 0;
    int has_term = rank < r->T && model->h[t * model->n + j] > 0.0;
    size_t i = rank < r->D ? (size_t)r->docs[t * r->D + rank] : 0;
    int has_doc = rank < r->D && r->shares->share[t * docs->m + i] > 0.0;
    if (!has_term && !has_doc)
        return;
    fputs("  ", fp);
    if (has_term) {
        put_padded(fp, model->vocab->surfaces[j], L.word_width);
        fprintf(fp, "  %.4f", model->h[t * model->n + j]);
    } else {
        put_padded(fp, "", L.word_width + 8);
    }
    if (has_doc) {
        fputs("   ", fp);
        put_padded(fp, docs->names[i], L.doc_width);
        fprintf(fp, "  %5.1f%%", 100.0 * r->shares->share[t * docs->m + i]);
    }
    fputc('\n', fp);
}

static void write_topic(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                        const nt_ranking *r, text_layout L, size_t t)
{
    fprintf(fp, "Topic %zu (%.1f%% of the %s)\n", t + 1,
            100.0 * nt_ranking_topic_share(r, model, t), docs ? "corpus" : "training corpus");
    fputs("  ", fp);
    put_padded(fp, "word", L.word_width);
    fputs("  weight", fp);
    if (r->D > 0) {
        fputs("   ", fp);
        put_padded(fp, "document", L.doc_width);
        fputs("   share", fp);
    }
    fputc('\n', fp);
    size_t rows = r->T > r->D ? r->T : r->D;
    for (size_t rank = 0; rank < rows; rank++)
        write_row(fp, model, docs, r, L, t, rank);
}

int nt_report_write_text(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                         const nt_report_options *opts, nt_error *err)
{
    nt_ranking r;
    int status = nt_ranking_compute(model, docs, opts->top_terms, opts->top_docs, &r, err);
    if (status != NT_OK)
        return status;
    text_layout L = measure(model, docs, &r);
    for (size_t t = 0; t < model->k; t++) {
        if (t > 0)
            fputc('\n', fp);
        write_topic(fp, model, docs, &r, L, t);
    }
    nt_ranking_free(&r);
    return nt_report_stream_status(fp, "the report", err);
}
