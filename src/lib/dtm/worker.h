/* worker.h: the per-thread part of the pipeline: read a document, tokenize it, drop stop
 * words, stem, and turn it into a sequence of thread-local stem ids. */
#ifndef NT_DTM_WORKER_H
#define NT_DTM_WORKER_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"
#include "vocab/strtab.h"

/* What one document became: its kept tokens as local stem ids of the worker that read it.
 * Slots are reused from batch to batch, so their buffers stop growing after a while. */
typedef struct nt_doc_slot {
    int *seq;         /* size cap: local stem ids, in text order, stop words removed */
    size_t len;
    size_t cap;
    int worker;       /* index of the worker whose local ids seq holds */
    int binary;       /* the document holds a NUL byte and is skipped */
    int latin1;       /* decoded as Latin-1 */
    size_t bytes;     /* bytes read */
    size_t tokens;    /* tokens produced, stop words included */
} nt_doc_slot;

/* Each distinct token a worker meets is looked up once in the stop words and stemmed
 * once; afterwards the token costs one hash and one probe. Local stem ids are translated
 * to vocabulary builder ids between batches (stem_global), on the driving thread. */
typedef struct nt_worker {
    nt_tokenizer *tokenizer;
    nt_stemmer *stemmer;          /* NULL when stemming is off */
    const nt_stopwords *stopwords;
    nt_buffer text;               /* the document being read */
    nt_strtab surfaces;           /* distinct tokens seen by this worker */
    int *surface_stem;            /* size surface_cap: local stem id, -1 for a stop word */
    int64_t *surface_count;       /* size surface_cap: occurrences outside stop words */
    size_t surface_cap;
    nt_strtab stems;              /* distinct stems seen by this worker */
    int *stem_global;             /* size stem_cap: builder id, once resolved */
    size_t stem_cap;
    size_t n_resolved;            /* stems [0, n_resolved) have a builder id */
    nt_doc_slot *slot;            /* the document being tokenized */
    int status;                   /* first failure of this worker, or NT_OK */
    size_t failed_doc;            /* the document it happened in */
    nt_error err;
} nt_worker;

/* Prepares w; stemmer may be NULL (no stemming) and stopwords NULL (none). The worker
 * owns its tokenizer and stemmer. Returns NT_OK, NT_EINVAL or NT_ENOMEM. */
int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   nt_error *err);

/* Releases what w owns; safe on a zeroed worker. */
void nt_worker_free(nt_worker *w);

/* Reads document doc of corpus and fills slot. On failure records the status, document
 * and message in w (keeping the earliest document) and leaves slot empty. */
void nt_worker_process(nt_worker *w, int self, const nt_corpus *corpus, size_t doc,
                       nt_doc_slot *slot);

#endif
