/* worker.c: one thread's share of the pipeline: read, tokenize, drop stop words, stem.
 * A token already in the lexicon costs one hash and one probe; a new one is checked
 * against the stop words and stemmed once per batch. */
#include "dtm/worker.h"

#include <stdlib.h>
#include <string.h>

#include "vocab/grow.h"

int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   const nt_lexicon *lexicon, nt_error *err)
{
    memset(w, 0, sizeof *w);
    w->stopwords = stopwords;
    w->lexicon = lexicon;
    int rc = nt_tokenizer_create(&opts->tokenizer, &w->tokenizer, err);
    if (rc == NT_OK && opts->stem)
        rc = nt_stemmer_create(opts->language, &w->stemmer, err);
    w->hot = rc == NT_OK ? malloc(NT_HOT_ENTRIES * sizeof *w->hot) : NULL;
    if (rc == NT_OK &&
        (!w->hot || nt_fresh_init(&w->fresh[0]) != 0 || nt_fresh_init(&w->fresh[1]) != 0))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory starting a worker thread");
    for (size_t i = 0; rc == NT_OK && i < NT_HOT_ENTRIES; i++)
        w->hot[i].id = -1;
    w->current = &w->fresh[0];
    return rc;
}

void nt_worker_free(nt_worker *w)
{
    nt_tokenizer_free(w->tokenizer);
    nt_stemmer_free(w->stemmer);
    nt_buffer_free(&w->text);
    free(w->hot);
    nt_fresh_free(&w->fresh[0]);
    nt_fresh_free(&w->fresh[1]);
    memset(w, 0, sizeof *w);
}

/* The fresh id of a token the lexicon lacks, adding it (checked against the stop words and
 * stemmed; without stemming, or for an empty stem, the token itself) when this batch meets
 * it for the first time. Returns the id or NT_ENOMEM. */
static int fresh_id(nt_worker *w, const char *token, size_t len, uint64_t hash)
{
    int id, rc = nt_fresh_intern(w->current, token, len, hash, &id);
    if (rc <= 0)
        return rc < 0 ? rc : id;
    if (w->stopwords && nt_stopwords_contains(w->stopwords, token, len))
        return id;
    const char *stem = token;
    size_t stem_len = len;
    if (w->stemmer) {
        const char *s = nt_stemmer_stem(w->stemmer, token, len, &stem_len);
        if (!s)
            return NT_ENOMEM;
        if (stem_len > 0)
            stem = s;
        else
            stem_len = len;
    }
    return nt_fresh_set_stem(w->current, id, stem, stem_len) == 0 ? id : NT_ENOMEM;
}

static int push(nt_doc_slot *slot, int value)
{
    if (slot->len == slot->cap) {
        size_t cap = slot->cap ? 2 * slot->cap : 1024;
        int *seq = realloc(slot->seq, cap * sizeof *seq);
        if (!seq)
            return NT_ENOMEM;
        slot->seq = seq;
        slot->cap = cap;
    }
    slot->seq[slot->len++] = value;
    return 0;
}

/* Looks a token up in the hot cache, then in the lexicon, caching what it finds there.
 * Returns the lexicon id and stores the term in *term, or returns -1. */
static int lexicon_id(nt_worker *w, const char *token, size_t len, uint64_t hash, int *term)
{
    nt_hot_entry *e = &w->hot[hash & (NT_HOT_ENTRIES - 1)];
    if (e->id >= 0 && e->hash == hash && e->len == len &&
        nt_strtab_equal_short(e->text, token, len)) {
        *term = e->term;
        return e->id;
    }
    int id = nt_strtab_find(&w->lexicon->tokens, token, len, hash);
    if (id < 0)
        return -1;
    *term = w->lexicon->term[id];
    if (len <= NT_HOT_TEXT) {
        e->hash = hash;
        e->id = id;
        e->term = *term;
        e->len = (uint8_t)len;
        memcpy(e->text, token, len);
    }
    return id;
}

/* The tokenizer's callback: one token, case-folded and normalised. */
static int on_token(void *user, const char *token, size_t len)
{
    nt_worker *w = user;
    w->slot->tokens++;
    uint64_t hash = nt_strtab_hash(token, len);
    int term, id = lexicon_id(w, token, len, hash, &term);
    if (id >= 0)
        return term == NT_LEXICON_STOP ? 0 : push(w->slot, id);
    int f = fresh_id(w, token, len, hash);
    if (f < 0)
        return f;
    return w->current->stem[f] == NT_FRESH_STOP ? 0 : push(w->slot, -1 - f);
}

/* Keeps the failure of the earliest document, so the error reported does not depend on
 * how documents were spread over threads. */
static void fail(nt_worker *w, size_t doc, int status, const nt_error *err)
{
    if (w->status != NT_OK && w->failed_doc < doc)
        return;
    w->status = status;
    w->failed_doc = doc;
    w->err = *err;
}

/* Tokenizes into a copy of the slot on this thread's stack: slots of neighbouring
 * documents share cache lines, and updating them token by token from two threads would
 * bounce those lines between cores. */
void nt_worker_process(nt_worker *w, int self, const nt_corpus *corpus, size_t doc,
                       nt_doc_slot *slot)
{
    nt_doc_slot d = {slot->seq, 0, slot->cap, self, 0, 0, 0, 0};
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_corpus_read(corpus, doc, &w->text, &err);
    if (rc == NT_OK) {
        d.bytes = w->text.len;
        w->slot = &d;
        rc = nt_tokenizer_run(w->tokenizer, w->text.data, w->text.len, on_token, w, &d.latin1,
                              &err);
        if (rc != NT_OK && err.message[0] == '\0')  /* on_token failed: it has no err */
            nt_error_set(&err, rc, "%s while tokenizing %s", nt_status_string(rc),
                         nt_corpus_name(corpus, doc));
    }
    if (rc == NT_CORPUS_BINARY) {
        d.binary = 1;
    } else if (rc != NT_OK) {
        fail(w, doc, rc, &err);
        d.len = 0;
    }
    *slot = d;
}
