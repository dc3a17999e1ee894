/* run.h: the state of one pipeline run, shared by the driver (pipeline.c) and the
 * merging of batches into counts (merge.c). */
#ifndef NT_DTM_RUN_H
#define NT_DTM_RUN_H

#include <stddef.h>

#include "dtm/counter.h"
#include "dtm/lexicon.h"
#include "dtm/pipeline.h"
#include "dtm/worker.h"

/* A batch of consecutive documents and what the workers made of them. */
typedef struct nt_batch {
    nt_doc_slot *slots;  /* size capacity: slot k is document begin + k */
    size_t begin;
    size_t count;
    int parity;          /* which fresh set of each worker the batch used */
} nt_batch;

typedef struct nt_run {
    const nt_corpus *corpus;
    int ngram_max;
    nt_stopwords *stopwords;  /* NULL when no word is to be removed */
    nt_lexicon lexicon;       /* every distinct token met */
    nt_worker *workers;       /* size n_workers */
    int n_workers;
    nt_batch batches[2];      /* alternate batches: one tokenized while the other counts */
    size_t capacity;          /* documents per batch */
    nt_counter counter;
    int *ids;                 /* size ids_cap: one document's term ids */
    size_t ids_cap;
    size_t first_binary;      /* corpus index of the first binary document */
} nt_run;

/* Adds the fresh tokens of the workers' set `parity` to the lexicon (a token fresh to two
 * workers is added once) and their stems to the vocabulary builder, recording each one's
 * lexicon id. Runs while no worker reads the lexicon. Returns NT_OK or NT_ENOMEM. */
int nt_run_resolve(nt_run *r, int parity, nt_vocab_builder *b);

/* Counts a resolved batch into rows of p, in document order, then empties the fresh sets
 * it used. Touches only what workers never read, so it may run beside the tokenizing of
 * the next batch. Returns NT_OK or NT_ENOMEM naming the document. */
int nt_run_merge(nt_run *r, const nt_batch *batch, nt_pipeline *p, nt_error *err);

/* Offers every counted token to the builder as a surface form of its term. */
int nt_run_offer_surfaces(const nt_run *r, nt_vocab_builder *b);

#endif
