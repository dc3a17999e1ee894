/* worker.h: the per-thread part of the pipeline: read a document, tokenize it, drop stop
 * words, stem new tokens, and turn the document into a sequence of token ids. */
#ifndef NT_DTM_WORKER_H
#define NT_DTM_WORKER_H

#include <stddef.h>
#include <stdint.h>

#include "dtm/fresh.h"
#include "dtm/lexicon.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"

/* What one document became. A token is stored as its lexicon id (>= 0) when the lexicon
 * held it at the start of the batch, else as -1 - f for token f of the worker's fresh
 * set of that batch.
 * Slots are reused from batch to batch, so their buffers stop growing after a while. */
typedef struct nt_doc_slot {
    int *seq;         /* size cap: the document's tokens, stop words removed, in order */
    size_t len;
    size_t cap;
    int worker;       /* index of the worker whose fresh ids seq refers to */
    int binary;       /* the document holds a NUL byte and is skipped */
    int latin1;       /* decoded as Latin-1 */
    size_t bytes;     /* bytes read */
    size_t tokens;    /* tokens produced, stop words included */
} nt_doc_slot;

/* A direct-mapped cache of lexicon entries for short tokens, small enough to stay in a
 * core's L2 cache: frequent words then cost no probe into the large shared lexicon, whose
 * slots, offsets and strings are three dependent cache misses. Entries stay valid for the
 * whole run, since lexicon ids never change. */
#define NT_HOT_TEXT 15       /* at most 16, for nt_strtab_equal_short */
#define NT_HOT_ENTRIES 4096  /* a power of two; 32 bytes each, 128 KiB */

typedef struct nt_hot_entry {
    uint64_t hash;
    int32_t id;               /* lexicon id, or -1 when the entry is empty */
    int32_t term;             /* lexicon term of id */
    uint8_t len;
    char text[NT_HOT_TEXT];   /* the token, len bytes, not NUL-terminated */
} nt_hot_entry;

/* A worker looks each token up in the shared lexicon, which it only reads. A token the
 * lexicon lacks goes into the worker's fresh set, where it is checked against the stop
 * words and stemmed once per batch; between batches the driving thread adds the fresh
 * tokens to the lexicon. There are two fresh sets, used by alternate batches: while the
 * workers tokenize one batch, the driving thread still counts the previous one through
 * the other set. */
typedef struct nt_worker {
    nt_tokenizer *tokenizer;
    nt_stemmer *stemmer;           /* NULL when stemming is off */
    const nt_stopwords *stopwords; /* NULL when there are none */
    const nt_lexicon *lexicon;     /* shared; workers read its tokens and terms only */
    nt_buffer text;                /* the document being read */
    nt_hot_entry *hot;             /* size NT_HOT_ENTRIES */
    nt_fresh fresh[2];             /* new tokens of even and odd batches */
    nt_fresh *current;             /* the set of the batch being tokenized */
    nt_doc_slot *slot;             /* the document being tokenized */
    int status;                    /* first failure of this worker, or NT_OK */
    size_t failed_doc;             /* the document it happened in */
    nt_error err;
} nt_worker;

/* Prepares w, creating its tokenizer and (with opts->stem) its stemmer; stopwords may be
 * NULL. Returns NT_OK, NT_EINVAL or NT_ENOMEM. */
int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   const nt_lexicon *lexicon, nt_error *err);

/* Releases what w owns; safe on a zeroed worker. */
void nt_worker_free(nt_worker *w);

/* Reads document doc of corpus into slot. On failure records the status, document and
 * message in w (keeping the earliest document) and leaves slot empty. */
void nt_worker_process(nt_worker *w, int self, const nt_corpus *corpus, size_t doc,
                       nt_doc_slot *slot);

#endif
