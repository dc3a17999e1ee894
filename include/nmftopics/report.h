/* report.h: what a fitted or applied model says, as text, TSV and JSON: topics (top terms,
 * share of the corpus, top documents) and each document's topic weights. */
#ifndef NMFTOPICS_REPORT_H
#define NMFTOPICS_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "nmftopics/error.h"
#include "nmftopics/hooks.h"
#include "nmftopics/model.h"
#include "nmftopics/output.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nt_report_options {
    size_t top_terms;    /* terms listed per topic (default 10, >= 1) */
    size_t top_docs;     /* documents listed per topic (default 5; 0 lists none) */
    size_t cloud_words;  /* lines of each topic_NN.words.tsv (default 100, >= 1) */
} nt_report_options;

/* Sets the defaults above. */
void nt_report_options_init(nt_report_options *opts);

/* Returns NT_OK, or NT_EINVAL naming the option that is out of range. */
int nt_report_options_check(const nt_report_options *opts, nt_error *err);

/* Topic weights of a set of documents: the W of a fit, or of nt_nmf_project for new ones.
 * Views only; nothing is owned. */
typedef struct nt_doc_topics {
    size_t m;                  /* documents */
    size_t k;                  /* topics, equal to the model's k */
    const char *const *names;  /* size m: document names */
    const double *w;           /* size m*k, factor-major: w[t*m + i] = weight of topic t in i */
} nt_doc_topics;

/* Per-document summary derived from an nt_doc_topics: weights normalised per document. */
typedef struct nt_doc_shares {
    size_t m, k;
    double *share;     /* size m*k, factor-major; each row sums to 1, or is all zero when the
                          document's weights are all zero (it shares no term with the model) */
    int *dominant;     /* size m: topic of largest share (lowest index on ties), -1 for an
                          all-zero row */
    double *topic_share; /* size k: column sums of w over the sum of w; all zero if w is */
    size_t zero_rows;  /* documents whose weights are all zero */
} nt_doc_shares;

/* Computes the shares of docs (docs->k must equal model->k). Returns NT_OK and *out (free
 * with nt_doc_shares_free), NT_EINVAL on a k mismatch, NT_ENUMERIC naming the first
 * document with a negative or non-finite weight, NT_ENOMEM. */
int nt_doc_shares_compute(const nt_doc_topics *docs, nt_doc_shares **out, nt_error *err);

/* Frees shares; accepts NULL. */
void nt_doc_shares_free(nt_doc_shares *shares);

/* The human-readable report: for each topic its number (from 1), its share of the corpus
 * (of docs when given, else of the training corpus as stored in the model), its top terms
 * as surface words with their weights in H (each row of H sums to 1), and, when docs is
 * given, the documents with the largest share of the topic. Columns are aligned.
 * docs may be NULL (a model alone). Returns NT_OK or NT_EIO when writing fails. */
int nt_report_write_text(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                         const nt_report_options *opts, nt_error *err);

/* topics.tsv: a header line "topic rank word stem weight" (tab-separated), then top_terms
 * lines per topic; topic and rank count from 1. */
int nt_report_write_topics_tsv(FILE *fp, const nt_model *model, const nt_report_options *opts,
                               nt_error *err);

/* doc_topics.tsv: a header "document topic_1 .. topic_k dominant", then one line per
 * document: its name, its k shares (summing to 1) and its dominant topic (from 1). A
 * document whose weights are all zero has k zeros and dominant "NA". Tabs and newlines in
 * a name are written as spaces so that the table keeps its shape. */
int nt_report_write_doc_topics_tsv(FILE *fp, const nt_doc_topics *docs, nt_error *err);

/* topic_NN.words.tsv for topic t (from 0): up to cloud_words lines "word<TAB>weight",
 * heaviest first, only words of positive weight; no header. The form read by
 * examples/wordcloud.py (python3-wordcloud's generate_from_frequencies). */
int nt_report_write_topic_words(FILE *fp, const nt_model *model, size_t t,
                                const nt_report_options *opts, nt_error *err);

/* report.json: the schema is documented in docs/report-json.md. docs may be NULL. */
int nt_report_write_json(FILE *fp, const nt_model *model, const nt_doc_topics *docs,
                         const nt_report_options *opts, nt_error *err);

/* Which files nt_report_write_dir writes. */
enum nt_report_files {
    NT_REPORT_TOPICS = 1,     /* topics.tsv and topic_NN.words.tsv (NN from 01) */
    NT_REPORT_DOCUMENTS = 2,  /* doc_topics.tsv (needs docs) */
    NT_REPORT_JSON = 4        /* report.json */
};

/* Writes the files selected by files (a mask of enum nt_report_files) into the existing
 * folder dir. With group NULL each file is renamed into place once complete; otherwise each
 * is staged in group (output.h) and appears only when the caller commits the group, so a
 * set of files is replaced all at once or not at all. Warns through hooks when some
 * documents have all-zero weights. Returns NT_OK, NT_EIO naming the file, or an error of
 * the writers above. */
int nt_report_write_dir(const char *dir, unsigned files, const nt_model *model,
                        const nt_doc_topics *docs, const nt_report_options *opts,
                        nt_output_group *group, const nt_hooks *hooks, nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
