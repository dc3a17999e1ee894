/* report_internal.h: rankings and checks shared by the text, TSV and JSON writers. */
#ifndef NT_REPORT_INTERNAL_H
#define NT_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "nmftopics/report.h"

/* What every writer shows of each topic. */
typedef struct nt_ranking {
    size_t k;
    size_t T;       /* terms per topic: min(top_terms, n) */
    size_t D;       /* documents per topic: min(top_docs, m), 0 without documents */
    int *terms;     /* size k*T: term columns, heaviest first (ties: lower column) */
    int *docs;      /* size k*D or NULL: documents of largest share, ties: lower row */
    nt_doc_shares *shares;  /* NULL without documents */
} nt_ranking;

/* Ranks terms (T of them) and, when docs is given, documents (D) of each topic. Checks
 * that docs matches the model's k. Free with nt_ranking_free. */
int nt_ranking_compute(const nt_model *model, const nt_doc_topics *docs, size_t T, size_t D,
                       nt_ranking *out, nt_error *err);
void nt_ranking_free(nt_ranking *r);

/* Share of the corpus of topic t: of the documents when ranked with them, else as
 * stored in the model for the training corpus. */
double nt_ranking_topic_share(const nt_ranking *r, const nt_model *model, size_t t);

/* Returns NT_OK, or NT_EIO when fp is in error ("cannot write WHAT"). */
int nt_report_stream_status(FILE *fp, const char *what, nt_error *err);

#endif
