/* report_fixtures.c: the report suite's hand-made model and documents, and its writers run
 * into memory. */
#define _POSIX_C_SOURCE 200809L
#include "report_fixtures.h"

#include <string.h>

static char *stems[4] = {"alpha", "beta", "gamma", "delta"};
static char *surfaces[4] = {"alphas", "beta", "gammé", "deltas"};
static double h[8] = {0.5, 0.3, 0.2, 0.0, /* topic 1 */ 0.1, 0.3, 0.3, 0.3 /* topic 2 */};
static double share[2] = {0.25, 0.75};
static double idf[4] = {1, 1, 1, 1};
static nt_vocab vocab = {4, stems, surfaces, NULL, NULL, NULL};

nt_model report_model;
const char *report_names[3] = {"one.txt", "two \"quoted\"\\.txt", "empty.txt"};
double report_w[6] = {3.0, 1.0, 0.0, /* topic 1 */ 1.0, 3.0, 0.0 /* topic 2 */};
const nt_doc_topics report_docs = {3, 2, report_names, report_w};
nt_report_options report_opts;

void report_fixtures_init(void)
{
    nt_model *m = &report_model;
    memset(m, 0, sizeof *m);
    nt_text_options_init(&m->text);
    nt_tfidf_options_init(&m->tfidf);
    nt_nmf_options_init(&m->nmf);
    m->k = m->nmf.k = 2;
    m->n = 4;
    m->vocab = &vocab;
    m->idf = idf;
    m->share = share;
    m->h = h;
    m->fit = (nt_model_fit){.documents = 3, .nonzeros = 7, .iterations = 12, .objective = 0.5,
                            .rel_error = 0.25, .converged = 1};
}

int write_text(FILE *fp, const void *docs)
{
    return nt_report_write_text(fp, &report_model, docs, &report_opts, NULL);
}

int write_topics_tsv(FILE *fp, const void *unused)
{
    (void)unused;
    return nt_report_write_topics_tsv(fp, &report_model, &report_opts, NULL);
}

int write_doc_topics_tsv(FILE *fp, const void *docs)
{
    return nt_report_write_doc_topics_tsv(fp, docs, NULL);
}

int write_topic_words(FILE *fp, const void *topic)
{
    return nt_report_write_topic_words(fp, &report_model, *(const size_t *)topic, &report_opts,
                                       NULL);
}

int write_json(FILE *fp, const void *docs)
{
    return nt_report_write_json(fp, &report_model, docs, &report_opts, NULL);
}

/* The stream's variables are static: with them on the stack GCC takes the returned text for
 * a pointer to them (-Wdangling-pointer). */
char *capture(report_writer writer, const void *arg)
{
    static char *buf;
    static size_t len;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(writer(fp, arg), NT_OK);
    ck_assert_int_eq(fclose(fp), 0);
    return buf;
}
