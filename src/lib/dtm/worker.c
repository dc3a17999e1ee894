/* worker.c: one thread's share of the pipeline: read, tokenize, drop stop words, stem,
 * caching per distinct token so that a repeated token costs one hash probe. */
#include <stdlib.h>
#include <string.h>

#include "dtm/worker.h"
#include "vocab/grow.h"

int nt_worker_init(nt_worker *w, const nt_text_options *opts, const nt_stopwords *stopwords,
                   nt_error *err)
{
    memset(w, 0, sizeof *w);
    w->stopwords = stopwords;
    int rc = nt_tokenizer_create(&opts->tokenizer, &w->tokenizer, err);
    if (rc == NT_OK && opts->stem)
        rc = nt_stemmer_create(opts->language, &w->stemmer, err);
    if (rc == NT_OK && (nt_strtab_init(&w->surfaces) != 0 || nt_strtab_init(&w->stems) != 0))
        rc = nt_error_set(err, NT_ENOMEM, "out of memory starting a worker thread");
    return rc;
}

void nt_worker_free(nt_worker *w)
{
    nt_tokenizer_free(w->tokenizer);
    nt_stemmer_free(w->stemmer);
    nt_buffer_free(&w->text);
    nt_strtab_free(&w->surfaces);
    nt_strtab_free(&w->stems);
    free(w->surface_stem);
    free(w->surface_count);
    free(w->stem_global);
    memset(w, 0, sizeof *w);
}

/* The local id of a token's stem, adding the stem when new; or a negative status. */
static int local_stem(nt_worker *w, const char *token, size_t len)
{
    const char *stem = token;
    size_t stem_len = len;
    if (w->stemmer) {
        stem = nt_stemmer_stem(w->stemmer, token, len, &stem_len);
        if (!stem)
            return NT_ENOMEM;
        if (stem_len == 0) {  /* keep the token rather than an empty term */
            stem = token;
            stem_len = len;
        }
    }
    size_t need = w->stems.n + 1, cap = w->stem_cap;
    if (need > cap &&
        nt_grow_array((void **)&w->stem_global, sizeof *w->stem_global, w->stem_cap, need, &cap))
        return NT_ENOMEM;
    w->stem_cap = cap;
    int id;
    int rc = nt_strtab_intern(&w->stems, stem, stem_len, nt_strtab_hash(stem, stem_len), &id);
    return rc < 0 ? rc : id;
}

/* Records a token met for the first time: a stop word, or the surface of a stem. */
static int new_surface(nt_worker *w, const char *token, size_t len, uint64_t hash)
{
    size_t need = w->surfaces.n + 1, cap = w->surface_cap;
    if (need > cap &&
        (nt_grow_array((void **)&w->surface_stem, sizeof *w->surface_stem, w->surface_cap, need,
                       &cap) ||
         nt_grow_array((void **)&w->surface_count, sizeof *w->surface_count, w->surface_cap,
                       need, &cap)))
        return NT_ENOMEM;
    w->surface_cap = cap;
    int stem = -1;
    if (!w->stopwords || !nt_stopwords_contains(w->stopwords, token, len)) {
        stem = local_stem(w, token, len);
        if (stem < 0)
            return stem;
    }
    int id;
    int rc = nt_strtab_intern(&w->surfaces, token, len, hash, &id);
    if (rc < 0)
        return rc;
    w->surface_stem[id] = stem;
    w->surface_count[id] = 0;
    return id;
}

static int push(nt_doc_slot *slot, int stem)
{
    if (slot->len == slot->cap) {
        size_t cap = slot->cap ? 2 * slot->cap : 1024;
        int *seq = realloc(slot->seq, cap * sizeof *seq);
        if (!seq)
            return NT_ENOMEM;
        slot->seq = seq;
        slot->cap = cap;
    }
    slot->seq[slot->len++] = stem;
    return 0;
}

/* The tokenizer's callback: one token, case-folded and normalised. */
static int on_token(void *user, const char *token, size_t len)
{
    nt_worker *w = user;
    w->slot->tokens++;
    uint64_t hash = nt_strtab_hash(token, len);
    int s = nt_strtab_find(&w->surfaces, token, len, hash);
    if (s < 0 && (s = new_surface(w, token, len, hash)) < 0)
        return s;
    int stem = w->surface_stem[s];
    if (stem < 0)
        return 0;
    w->surface_count[s]++;
    return push(w->slot, stem);
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

void nt_worker_process(nt_worker *w, int self, const nt_corpus *corpus, size_t doc,
                       nt_doc_slot *slot)
{
    slot->len = slot->bytes = slot->tokens = 0;
    slot->binary = slot->latin1 = 0;
    slot->worker = self;
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_corpus_read(corpus, doc, &w->text, &err);
    if (rc == NT_CORPUS_BINARY) {
        slot->binary = 1;
        return;
    }
    if (rc != NT_OK) {
        fail(w, doc, rc, &err);
        return;
    }
    slot->bytes = w->text.len;
    w->slot = slot;
    rc = nt_tokenizer_run(w->tokenizer, w->text.data, w->text.len, on_token, w, &slot->latin1,
                          &err);
    if (rc != NT_OK) {
        if (err.message[0] == '\0')  /* a failure of on_token, which has no err to fill */
            nt_error_set(&err, rc, "%s while tokenizing %s", nt_status_string(rc),
                         nt_corpus_name(corpus, doc));
        fail(w, doc, rc, &err);
        slot->len = 0;
    }
}
