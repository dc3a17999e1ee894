/* worker.h: one thread's share of the pipeline: read a document, tokenize it, drop stop
 * words, stem tokens it has not met before, count the document's terms into a row. */
#ifndef NT_DTM_WORKER_H
#define NT_DTM_WORKER_H

#include <stddef.h>
#include <stdint.h>

#include "dtm/counter.h"
#include "dtm/rows.h"
#include "dtm/tokmap.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"

#define NT_QUEUE 8          /* tokens between fetching a token's slot and counting it */
#define NT_QUEUED_TEXT 32   /* longest token queued, in bytes */

/* A token waiting to be counted. */
typedef struct nt_queued {
    uint64_t hash;
    uint32_t len;
    char text[NT_QUEUED_TEXT];
} nt_queued;

/* Each worker keeps its own table of the tokens it met, so a token costs one hash and one
 * probe in memory no other thread writes. The first time a worker meets a token it checks
 * the stop words and stems it; the stem joins the shared vocabulary builder at the end of
 * the document, under a lock taken once per document (the builder's term ids then depend
 * on thread timing, but nothing in the output does: the vocabulary is sorted by key). */
typedef struct nt_worker {
    nt_tokenizer *tokenizer;
    nt_stemmer *stemmer;            /* NULL when stemming is off */
    const nt_stopwords *stopwords;  /* NULL when there are none */
    nt_vocab_builder *builder;      /* shared: used only inside the lock */
    int ngram_max;
    nt_buffer text;                 /* the document being read */
    nt_tokmap tokens;               /* every token this worker met */
    nt_queued queue[NT_QUEUE];      /* tokens met but not counted yet, a ring */
    unsigned queue_head;            /* the oldest one */
    unsigned queued;
    char *stems;                    /* size stems_cap: stems of the pending tokens */
    size_t *stem_at;                /* size stem_at_cap: stem p is stems[stem_at[p] ..
                                       stem_at[p + 1]) */
    uint64_t *stem_hash;            /* size stem_at_cap: nt_strtab_hash of stem p, computed
                                       outside the builder's lock */
    size_t stems_cap;
    size_t stem_at_cap;
    int *seq;                       /* size seq_cap: the document's terms in order */
    size_t seq_len;
    size_t seq_cap;
    size_t terms_known;             /* builder terms when last seen: ids in seq are below */
    nt_counter counter;
    nt_row_store rows;              /* the rows of the worker's documents */
    nt_dtm_stats stats;             /* of the worker's documents; empty_rows unused */
    size_t first_binary;            /* the first binary document it met */
    int status;                     /* first failure of this worker, or NT_OK */
    size_t failed_doc;              /* the document it happened in */
    nt_error err;
} nt_worker;

/* Prepares w, creating its tokenizer and (with opts->stem) its stemmer; stopwords may be
 * NULL. Returns NT_OK, NT_EINVAL or NT_ENOMEM. */
int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   nt_vocab_builder *builder, nt_error *err);

/* Releases what w owns; safe on a zeroed worker. */
void nt_worker_free(nt_worker *w);

/* Reads document doc of corpus and counts it into a new row of w, described in *row.
 * Returns NT_OK, or NT_CORPUS_BINARY when the document holds a NUL byte and is skipped
 * (no row). On failure records the status, document and message in w (keeping the
 * earliest document) and returns the status. */
int nt_worker_process(nt_worker *w, const nt_corpus *corpus, size_t doc, nt_row *row);

/* Ends the document whose terms are in w->seq (pending ones included): adds the pending
 * stems, then the document's bigrams, to the builder, under the lock; then counts the
 * terms into a new row of w->rows, described in *row. Returns NT_OK or NT_ENOMEM
 * (NT_EINVAL past the builder's id range). Defined in worker_row.c. */
int nt_worker_count_document(nt_worker *w, nt_row *row);

#endif
