/* pipeline.c: the streaming driver. Each batch of documents is read, tokenized and
 * stemmed in parallel (one worker per OpenMP thread, dynamic schedule) against the shared
 * lexicon, which the workers only read. Then, on this thread and in document order, the
 * tokens new in the batch join the lexicon (their stems join the vocabulary builder) and
 * each document is counted into a row. Only the batch's token ids are held at a time. */
#include "dtm/pipeline.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "dtm/counter.h"
#include "dtm/lexicon.h"
#include "dtm/worker.h"
#include "vocab/grow.h"

#define DOCS_PER_THREAD 256  /* batch size per thread: bounds the token ids held at once */

typedef struct run_state {
    const nt_corpus *corpus;
    int ngram_max;
    nt_stopwords *stopwords;  /* NULL when no word is to be removed */
    nt_lexicon lexicon;       /* every distinct token met */
    nt_worker *workers;       /* size n_workers */
    int n_workers;
    nt_doc_slot *slots;       /* size n_slots: one batch */
    size_t n_slots;
    nt_counter counter;
    int *ids;                 /* size ids_cap: one document's term ids */
    size_t ids_cap;
    size_t first_binary;      /* corpus index of the first binary document */
} run_state;

/* The bundled list of the language and/or the user's file, or NULL for no stop words. */
static int load_stopwords(const nt_text_options *opts, const nt_hooks *hooks,
                          nt_stopwords **out, nt_error *err)
{
    *out = NULL;
    if (!opts->bundled_stopwords && !opts->stopwords_file)
        return NT_OK;
    nt_stopwords *sw;
    int rc = nt_stopwords_create(&sw, err);
    if (rc != NT_OK)
        return rc;
    if (opts->bundled_stopwords) {
        rc = nt_stopwords_add_bundled(sw, opts->language, err);
        if (rc == NT_STOPWORDS_NOT_BUNDLED) {
            nt_hooks_log(hooks, NT_LOG_WARNING,
                         "no bundled stop-word list for '%s': no stop words removed",
                         opts->language);
            rc = NT_OK;
        }
    }
    if (rc == NT_OK && opts->stopwords_file)
        rc = nt_stopwords_add_file(sw, opts->stopwords_file, err);
    if (rc != NT_OK || nt_stopwords_count(sw) == 0) {
        nt_stopwords_free(sw);
        sw = NULL;
    }
    *out = sw;
    return rc;
}

static int start(run_state *s, const nt_text_options *opts, const nt_hooks *hooks,
                 nt_pipeline *p, nt_error *err)
{
    int rc = load_stopwords(opts, hooks, &s->stopwords, err);
    if (rc != NT_OK)
        return rc;
    s->n_workers = opts->threads > 0 ? opts->threads : omp_get_max_threads();
    s->n_slots = (size_t)s->n_workers * DOCS_PER_THREAD;
    s->workers = calloc((size_t)s->n_workers, sizeof *s->workers);
    s->slots = calloc(s->n_slots, sizeof *s->slots);
    p->builder = nt_vocab_builder_create();
    if (!s->workers || !s->slots || !p->builder || nt_rows_init(&p->rows) != 0 ||
        nt_lexicon_init(&s->lexicon) != 0)
        return nt_error_set(err, NT_ENOMEM, "out of memory starting %d threads", s->n_workers);
    for (int t = 0; t < s->n_workers && rc == NT_OK; t++)
        rc = nt_worker_init(&s->workers[t], opts, s->stopwords, &s->lexicon, err);
    return rc;
}

static void stop(run_state *s)
{
    for (int t = 0; s->workers && t < s->n_workers; t++)
        nt_worker_free(&s->workers[t]);
    for (size_t k = 0; s->slots && k < s->n_slots; k++)
        free(s->slots[k].seq);
    free(s->workers);
    free(s->slots);
    free(s->ids);
    nt_counter_free(&s->counter);
    nt_lexicon_free(&s->lexicon);
    nt_stopwords_free(s->stopwords);
}

/* Adds the workers' fresh tokens to the lexicon (a token fresh to two workers is added
 * once), their stems to the vocabulary builder, and records each one's lexicon id. */
static int resolve_fresh(run_state *s, nt_vocab_builder *b)
{
    nt_lexicon *lex = &s->lexicon;
    for (int t = 0; t < s->n_workers; t++) {
        nt_worker *w = &s->workers[t];
        for (size_t f = 0; f < w->fresh.n; f++) {
            const char *token = nt_strtab_str(&w->fresh, (int)f);
            size_t len = nt_strtab_len(&w->fresh, (int)f);
            const char *stem = nt_worker_fresh_stem(w, (int)f);
            int id, rc = nt_lexicon_intern(lex, token, len, nt_strtab_hash(token, len), &id);
            if (rc < 0)
                return rc;
            if (rc == 1 && stem && (lex->term[id] = nt_vocab_builder_add_stem(b, stem,
                                                                             strlen(stem))) < 0)
                return lex->term[id];
            w->fresh_lexicon[f] = id;
        }
    }
    return NT_OK;
}

/* Translates a slot's tokens to vocabulary builder ids, counting each token in the
 * lexicon, then appends its bigram ids. Returns the number of ids in s->ids, or a
 * negative status. */
static long term_ids(run_state *s, const nt_doc_slot *slot, nt_vocab_builder *b)
{
    size_t need = s->ngram_max == 2 ? 2 * slot->len : slot->len;
    if (need > s->ids_cap &&
        nt_grow_array((void **)&s->ids, sizeof *s->ids, s->ids_cap, need, &s->ids_cap))
        return NT_ENOMEM;
    const int *fresh = s->workers[slot->worker].fresh_lexicon;
    nt_lexicon *lex = &s->lexicon;
    for (size_t i = 0; i < slot->len; i++) {
        int v = slot->seq[i], id = v >= 0 ? v : fresh[-1 - v];
        lex->count[id]++;
        s->ids[i] = lex->term[id];
    }
    size_t n = slot->len;
    for (size_t i = 1; s->ngram_max == 2 && i < slot->len; i++) {
        int pair = nt_vocab_builder_add_bigram(b, s->ids[i - 1], s->ids[i]);
        if (pair < 0)
            return pair;
        s->ids[n++] = pair;
    }
    return (long)n;
}

static int keep_row(nt_pipeline *p, size_t doc)
{
    if (p->rows.m + 1 > p->kept_cap &&
        nt_grow_array((void **)&p->kept, sizeof *p->kept, p->kept_cap, p->rows.m + 1,
                      &p->kept_cap))
        return NT_ENOMEM;
    p->kept[p->rows.m] = doc;
    return NT_OK;
}

/* Counts one document into a new row (or counts it as skipped). */
static int merge_slot(run_state *s, const nt_doc_slot *slot, size_t doc, nt_pipeline *p)
{
    if (slot->binary) {
        if (p->stats.skipped_binary++ == 0)
            s->first_binary = doc;
        return NT_OK;
    }
    long n = term_ids(s, slot, p->builder);
    if (n < 0 || nt_counter_begin(&s->counter, (size_t)n, nt_vocab_builder_count(p->builder)) ||
        keep_row(p, doc))
        return NT_ENOMEM;
    for (long i = 0; i < n; i++)
        nt_counter_add(&s->counter, s->ids[i]);
    nt_vocab_builder_add_document(p->builder, s->counter.terms, s->counter.counts, s->counter.n);
    if (nt_rows_append(&p->rows, s->counter.terms, s->counter.counts, s->counter.n))
        return NT_ENOMEM;
    p->stats.documents++;
    p->stats.decoded_latin1 += slot->latin1 != 0;
    p->stats.bytes += slot->bytes;
    p->stats.tokens += slot->tokens;
    return NT_OK;
}

/* The earliest failure of any worker in this batch, if any. */
static int worker_failure(const run_state *s, nt_error *err)
{
    const nt_worker *first = NULL;
    for (int t = 0; t < s->n_workers; t++) {
        const nt_worker *w = &s->workers[t];
        if (w->status != NT_OK && (!first || w->failed_doc < first->failed_doc))
            first = w;
    }
    if (!first)
        return NT_OK;
    if (err)
        *err = first->err;
    return first->status;
}

static int run_batch(run_state *s, size_t begin, size_t count, nt_pipeline *p, nt_error *err)
{
#pragma omp parallel for num_threads(s->n_workers) schedule(dynamic, 1)
    for (size_t k = 0; k < count; k++) {
        int self = omp_get_thread_num();
        nt_worker_process(&s->workers[self], self, s->corpus, begin + k, &s->slots[k]);
    }
    int rc = worker_failure(s, err);
    if (rc != NT_OK)
        return rc;
    if (resolve_fresh(s, p->builder) != NT_OK)
        return nt_error_set(err, NT_ENOMEM, "out of memory adding terms to the vocabulary");
    for (size_t k = 0; k < count; k++)
        if (merge_slot(s, &s->slots[k], begin + k, p) != NT_OK)
            return nt_error_set(err, NT_ENOMEM, "out of memory counting %s",
                                nt_corpus_name(s->corpus, begin + k));
    for (int t = 0; t < s->n_workers; t++)
        nt_worker_clear_fresh(&s->workers[t]);
    return NT_OK;
}

/* Offers every counted token to the builder as a surface form of its term. */
static int offer_surfaces(const nt_lexicon *lex, nt_vocab_builder *b)
{
    for (size_t id = 0; id < lex->tokens.n; id++) {
        if (lex->term[id] == NT_LEXICON_STOP || lex->count[id] == 0)
            continue;
        int rc = nt_vocab_builder_offer_surface(b, lex->term[id],
                                                nt_strtab_str(&lex->tokens, (int)id),
                                                nt_strtab_len(&lex->tokens, (int)id),
                                                lex->count[id]);
        if (rc != NT_OK)
            return rc;
    }
    return NT_OK;
}

int nt_pipeline_run(const nt_corpus *corpus, const nt_text_options *opts,
                    const nt_hooks *hooks, nt_pipeline *p, nt_error *err)
{
    memset(p, 0, sizeof *p);
    run_state s = {.corpus = corpus, .ngram_max = opts->ngram_max};
    int rc = start(&s, opts, hooks, p, err);
    size_t total = nt_corpus_count(corpus);
    for (size_t begin = 0; rc == NT_OK && begin < total; begin += s.n_slots) {
        size_t count = total - begin < s.n_slots ? total - begin : s.n_slots;
        rc = run_batch(&s, begin, count, p, err);
        nt_hooks_progress(hooks, "reading", begin + count, total);
    }
    if (rc == NT_OK && offer_surfaces(&s.lexicon, p->builder) != NT_OK)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory recording surface forms");
    if (rc == NT_OK && p->stats.skipped_binary > 0)
        nt_hooks_log(hooks, NT_LOG_WARNING,
                     "skipped %zu binary document%s (holding NUL bytes), the first being %s",
                     p->stats.skipped_binary, p->stats.skipped_binary == 1 ? "" : "s",
                     nt_corpus_name(corpus, s.first_binary));
    stop(&s);
    return rc;
}

void nt_pipeline_free(nt_pipeline *p)
{
    nt_vocab_builder_free(p->builder);
    nt_rows_free(&p->rows);
    free(p->kept);
    memset(p, 0, sizeof *p);
}
