/* pipeline.h: streaming a corpus through the workers, which count its documents against a
 * shared vocabulary builder, and putting the counted rows in document order. */
#ifndef NT_DTM_PIPELINE_H
#define NT_DTM_PIPELINE_H

#include <stddef.h>

#include "dtm/rows.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/hooks.h"
#include "nmftopics/vocab.h"

/* The counted corpus: every kept document is one row of builder term ids with counts. */
typedef struct nt_pipeline {
    nt_vocab_builder *builder;  /* every term met, with df, counts and surface forms */
    nt_row *rows;               /* size m (allocated for the whole corpus): row i is the
                                   i-th kept document */
    size_t *kept;               /* size m (idem): the corpus index of each row */
    size_t m;                   /* rows: the kept documents */
    nt_row_store *stores;       /* size n_stores: where the rows' entries live */
    int n_stores;
    nt_dtm_stats stats;         /* all but empty_rows */
} nt_pipeline;

/* Runs the corpus through tokenizing, stop words and stemming on opts->threads threads
 * and counts it into *p (released with nt_pipeline_free, also after a failure); with
 * surfaces set, offers the terms' surface forms to the builder too (a fitted vocabulary
 * brings its own). Warns through hooks about skipped binary documents and reports
 * progress ("reading"). Returns NT_OK, NT_EIO (a document or the stop-word file),
 * NT_EINVAL, NT_ENOMEM. */
int nt_pipeline_run(const nt_corpus *corpus, const nt_text_options *opts, int surfaces,
                    const nt_hooks *hooks, nt_pipeline *p, nt_error *err);

void nt_pipeline_free(nt_pipeline *p);

#endif
