/* report_fixtures.h: what the report suite's files share: a hand-made model of 2 topics over
 * 4 terms, 3 documents' topic weights, and the writers run into memory. */
#ifndef NT_REPORT_FIXTURES_H
#define NT_REPORT_FIXTURES_H

#include <stdio.h>

#include "nmftopics/report.h"
#include "nt_test.h"

/* Topic 2 ties "beta", "gamma" and "delta" (the lower column wins); the model's corpus
 * shares are 25% and 75%. */
extern nt_model report_model;

/* 3 documents, "one.txt", "two \"quoted\"\\.txt" and "empty.txt"; the third shares no term
 * with the model (all-zero weights). */
extern const char *report_names[3];
extern double report_w[6];  /* factor-major, 3 x 2 */
extern const nt_doc_topics report_docs;

/* The options the writers below pass; each test sets them first. */
extern nt_report_options report_opts;

/* Fills report_model; call in main, before the tests fork. */
void report_fixtures_init(void);

/* A writer of one report file: arg is what it reports on (documents, a topic, or NULL). */
typedef int (*report_writer)(FILE *fp, const void *arg);

int write_text(FILE *fp, const void *docs);          /* nt_report_write_text */
int write_topics_tsv(FILE *fp, const void *unused);  /* nt_report_write_topics_tsv */
int write_doc_topics_tsv(FILE *fp, const void *docs);
int write_topic_words(FILE *fp, const void *topic);  /* topic: a size_t */
int write_json(FILE *fp, const void *docs);          /* nt_report_write_json */

/* Runs writer on arg into memory, failing the test unless it returns NT_OK; returns the
 * text, which the caller frees. */
char *capture(report_writer writer, const void *arg);

#endif
