/* worker.c: one thread's share of the pipeline: read, tokenize, drop stop words, stem.
 * A token the worker has met before costs one hash and one probe of its own table; a new
 * one is checked against the stop words and stemmed once. */
#include "dtm/worker.h"

#include <stdlib.h>
#include <string.h>

#include "vocab/grow.h"

/* Makes room for need entries of stem_at and stem_hash. Returns 0 or NT_ENOMEM. */
static int grow_stem_at(nt_worker *w, size_t need)
{
    size_t cap = w->stem_at_cap;
    if (need <= cap)
        return 0;
    if (nt_grow_array((void **)&w->stem_at, sizeof *w->stem_at, w->stem_at_cap, need, &cap) ||
        nt_grow_array((void **)&w->stem_hash, sizeof *w->stem_hash, w->stem_at_cap, need, &cap))
        return NT_ENOMEM;
    w->stem_at_cap = cap;
    return 0;
}

int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   nt_vocab_builder *builder, nt_error *err)
{
    memset(w, 0, sizeof *w);
    w->stopwords = stopwords;
    w->builder = builder;
    w->ngram_max = opts->ngram_max;
    int rc = nt_tokenizer_create(&opts->tokenizer, &w->tokenizer, err);
    if (rc == NT_OK && opts->stem)
        rc = nt_stemmer_create(opts->language, &w->stemmer, err);
    if (rc == NT_OK && (nt_tokmap_init(&w->tokens) != 0 || grow_stem_at(w, 1) != 0))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory starting a worker thread");
    if (rc == NT_OK)
        w->stem_at[0] = 0;
    return rc;
}

void nt_worker_free(nt_worker *w)
{
    nt_tokenizer_free(w->tokenizer);
    nt_stemmer_free(w->stemmer);
    nt_buffer_free(&w->text);
    nt_tokmap_free(&w->tokens);
    free(w->stems);
    free(w->stem_at);
    free(w->stem_hash);
    free(w->seq);
    nt_counter_free(&w->counter);
    nt_row_store_free(&w->rows);
    memset(w, 0, sizeof *w);
}

/* Appends the stem of a new token (the token itself without stemming, or for an empty
 * stem) to the pending stems. Returns 0 or NT_ENOMEM. */
static int add_stem(nt_worker *w, const char *token, size_t len)
{
    const char *stem = token;
    size_t stem_len = len, p = w->tokens.n_pending, at = w->stem_at[p];
    if (w->stemmer) {
        const char *s = nt_stemmer_stem(w->stemmer, token, len, &stem_len);
        if (!s)
            return NT_ENOMEM;
        if (stem_len > 0)
            stem = s;
        else
            stem_len = len;
    }
    if (nt_grow_array((void **)&w->stems, 1, w->stems_cap, at + stem_len, &w->stems_cap) ||
        grow_stem_at(w, p + 2) != 0)
        return NT_ENOMEM;
    memcpy(w->stems + at, stem, stem_len);
    w->stem_at[p + 1] = at + stem_len;
    w->stem_hash[p] = nt_strtab_hash(stem, stem_len);
    return 0;
}

/* Adds a token the worker meets for the first time at the empty slot i: a stop word, or a
 * pending token with its stem. Returns its slot index or a negative status. */
static long add_token(nt_worker *w, size_t i, const char *token, size_t len, uint64_t hash)
{
    int32_t term = NT_TERM_STOP;
    if (!w->stopwords || !nt_stopwords_contains(w->stopwords, token, len)) {
        int rc = add_stem(w, token, len);
        if (rc != 0)
            return rc;
        term = -2 - (int32_t)w->tokens.n_pending;
    }
    return nt_tokmap_add(&w->tokens, i, token, len, hash, term);
}

static int push(nt_worker *w, int term)
{
    if (w->seq_len == w->seq_cap &&
        nt_grow_array((void **)&w->seq, sizeof *w->seq, w->seq_cap, w->seq_len + 1, &w->seq_cap))
        return NT_ENOMEM;
    w->seq[w->seq_len++] = term;
    return 0;
}

/* Counts one token of the document, in order. */
static int count_token(nt_worker *w, const char *token, size_t len, uint64_t hash)
{
    size_t i = nt_tokmap_probe(&w->tokens, token, len, (uint32_t)hash);
    if (w->tokens.slots[i].len == 0) {
        long at = add_token(w, i, token, len, hash);
        if (at < 0)
            return (int)at;
        i = (size_t)at;
    }
    nt_tokmap_slot *s = &w->tokens.slots[i];
    s->count++;
    return s->term == NT_TERM_STOP ? 0 : push(w, s->term);
}

/* Counts the queued tokens, oldest first. */
static int flush_queue(nt_worker *w)
{
    for (; w->queued > 0; w->queued--, w->queue_head = (w->queue_head + 1) % NT_QUEUE_RING) {
        const nt_queued *q = &w->queue[w->queue_head];
        int rc = count_token(w, q->text, q->len, q->hash);
        if (rc != 0)
            return rc;
    }
    return 0;
}

_Static_assert(NT_QUEUED_TEXT <= NT_TOKEN_READABLE, "a queued token is copied whole");

/* The tokenizer's callback: one token, case-folded and normalised. It is copied into the
 * queue in one block of NT_QUEUED_TEXT bytes (the tokenizer lets them be read, whatever
 * the token's length), hashed there (short tokens without branching on their length) and
 * its slot in the token table prefetched; it is counted
 * NT_QUEUE tokens later, once the slot has arrived from memory (most of the time lookups
 * took went into waiting for it). Long tokens, rare, are counted at once, after the
 * queue, to keep the order. */
static int on_token(void *user, const char *token, size_t len)
{
    nt_worker *w = user;
    w->stats.tokens++;
    if (len > NT_QUEUED_TEXT) {
        int rc = flush_queue(w);
        return rc != 0 ? rc : count_token(w, token, len, nt_strtab_hash(token, len));
    }
    nt_queued *q = &w->queue[(w->queue_head + w->queued++) % NT_QUEUE_RING];
    memcpy(q->text, token, NT_QUEUED_TEXT);
    q->len = (uint32_t)len;
    q->hash = nt_strtab_hash_padded(q->text, len);
    __builtin_prefetch(&w->tokens.slots[(uint32_t)q->hash & (w->tokens.cap - 1)]);
    if (w->queued > NT_QUEUE) {
        const nt_queued *oldest = &w->queue[w->queue_head];
        int rc = count_token(w, oldest->text, oldest->len, oldest->hash);
        if (rc != 0)
            return rc;
        w->queue_head = (w->queue_head + 1) % NT_QUEUE_RING;
        w->queued--;
    }
    return 0;
}

/* Keeps the failure of the earliest document, so the error reported does not depend on
 * how documents were spread over threads. */
static int fail(nt_worker *w, size_t doc, int status, const nt_error *err)
{
    if (w->status == NT_OK || doc < w->failed_doc) {
        w->status = status;
        w->failed_doc = doc;
        w->err = *err;
    }
    return status;
}

int nt_worker_process(nt_worker *w, const nt_corpus *corpus, size_t doc, nt_row *row)
{
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_corpus_read(corpus, doc, &w->text, &err);
    if (rc == NT_CORPUS_BINARY) {
        if (w->stats.skipped_binary++ == 0 || doc < w->first_binary)
            w->first_binary = doc;
        return rc;
    }
    int latin1 = 0;
    w->seq_len = 0;
    w->queued = 0;
    if (rc == NT_OK)
        rc = nt_tokenizer_run(w->tokenizer, w->text.data, w->text.len, on_token, w, &latin1,
                              &err);
    if (rc == NT_OK)
        rc = flush_queue(w);
    if (rc == NT_OK)
        rc = nt_worker_count_document(w, row);
    if (rc != NT_OK) {
        if (err.message[0] == '\0')  /* from on_token or counting: no message yet */
            nt_error_set(&err, rc, "%s while tokenizing %s", nt_status_string(rc),
                         nt_corpus_name(corpus, doc));
        return fail(w, doc, rc, &err);
    }
    w->stats.documents++;
    w->stats.decoded_latin1 += latin1 != 0;
    w->stats.bytes += w->text.len;
    return NT_OK;
}
