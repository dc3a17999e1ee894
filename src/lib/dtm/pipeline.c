/* pipeline.c: the streaming driver. Each batch of documents is read, tokenized and
 * stemmed in parallel (one worker per OpenMP thread, dynamic schedule) against the shared
 * lexicon, which the workers only read. Between batches the tokens new in a batch join the
 * lexicon; the batch is then counted into rows, in document order, by the driving thread
 * while the other threads already tokenize the next batch. Only two batches of token ids
 * are held at a time, never the text. */
#include "dtm/pipeline.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "dtm/run.h"

#define DOCS_PER_THREAD 256  /* batch size per thread: bounds the token ids held at once */

/* The bundled list of the language and/or the user's file, or NULL for no stop words. */
static int load_stopwords(const nt_text_options *opts, const nt_hooks *hooks,
                          nt_stopwords **out, nt_error *err)
{
    *out = NULL;
    int listed = opts->stopwords_file || opts->extra_stopwords;
    if (!opts->bundled_stopwords && !listed)
        return NT_OK;
    nt_stopwords *sw;
    int rc = nt_stopwords_create(&sw, err);
    if (rc != NT_OK)
        return rc;
    if (opts->bundled_stopwords) {
        rc = nt_stopwords_add_bundled(sw, opts->language, err);
        if (rc == NT_STOPWORDS_NOT_BUNDLED) {
            nt_hooks_log(hooks, NT_LOG_WARNING, "no bundled stop-word list for '%s'%s",
                         opts->language,
                         listed ? "" : ": no stop words are removed");
            rc = NT_OK;
        }
    }
    if (rc == NT_OK && opts->stopwords_file)
        rc = nt_stopwords_add_file(sw, opts->stopwords_file, err);
    for (size_t q = 0; rc == NT_OK && opts->extra_stopwords && opts->extra_stopwords[q]; q++)
        rc = nt_stopwords_add(sw, opts->extra_stopwords[q], strlen(opts->extra_stopwords[q]), err);
    if (rc != NT_OK || nt_stopwords_count(sw) == 0) {
        nt_stopwords_free(sw);
        sw = NULL;
    }
    *out = sw;
    return rc;
}

static int start(nt_run *r, const nt_text_options *opts, const nt_hooks *hooks,
                 nt_pipeline *p, nt_error *err)
{
    int rc = load_stopwords(opts, hooks, &r->stopwords, err);
    if (rc != NT_OK)
        return rc;
    r->n_workers = opts->threads > 0 ? opts->threads : omp_get_max_threads();
    r->capacity = (size_t)r->n_workers * DOCS_PER_THREAD;
    r->workers = calloc((size_t)r->n_workers, sizeof *r->workers);
    for (int b = 0; b < 2; b++) {
        r->batches[b].slots = calloc(r->capacity, sizeof *r->batches[b].slots);
        r->batches[b].parity = b;
    }
    p->builder = nt_vocab_builder_create();
    if (!r->workers || !r->batches[0].slots || !r->batches[1].slots || !p->builder ||
        nt_rows_init(&p->rows) != 0 || nt_lexicon_init(&r->lexicon) != 0)
        return nt_error_set(err, NT_ENOMEM, "out of memory starting %d threads", r->n_workers);
    for (int t = 0; t < r->n_workers && rc == NT_OK; t++)
        rc = nt_worker_init(&r->workers[t], opts, r->stopwords, &r->lexicon, err);
    return rc;
}

static void stop(nt_run *r)
{
    for (int t = 0; r->workers && t < r->n_workers; t++)
        nt_worker_free(&r->workers[t]);
    for (int b = 0; b < 2; b++) {
        for (size_t k = 0; r->batches[b].slots && k < r->capacity; k++)
            free(r->batches[b].slots[k].seq);
        free(r->batches[b].slots);
    }
    free(r->workers);
    free(r->ids);
    nt_counter_free(&r->counter);
    nt_lexicon_free(&r->lexicon);
    nt_stopwords_free(r->stopwords);
}

/* The earliest failure of any worker, if any. */
static int worker_failure(const nt_run *r, nt_error *err)
{
    const nt_worker *first = NULL;
    for (int t = 0; t < r->n_workers; t++) {
        const nt_worker *w = &r->workers[t];
        if (w->status != NT_OK && (!first || w->failed_doc < first->failed_doc))
            first = w;
    }
    if (!first)
        return NT_OK;
    if (err)
        *err = first->err;
    return first->status;
}

/* Tokenizes batch cur on every thread while the driving thread first counts batch prev
 * (NULL for none): prev only touches what the workers never read. */
static int tokenize(nt_run *r, nt_batch *cur, const nt_batch *prev, nt_pipeline *p,
                    nt_error *err)
{
    int merged = NT_OK;
    nt_error merge_err;
    for (int t = 0; t < r->n_workers; t++)
        r->workers[t].current = &r->workers[t].fresh[cur->parity];
#pragma omp parallel num_threads(r->n_workers)
    {
#pragma omp master
        if (prev)
            merged = nt_run_merge(r, prev, p, &merge_err);
#pragma omp for schedule(dynamic, 1)
        for (size_t k = 0; k < cur->count; k++) {
            int self = omp_get_thread_num();
            nt_worker_process(&r->workers[self], self, r->corpus, cur->begin + k,
                              &cur->slots[k]);
        }
    }
    if (merged != NT_OK) {
        if (err)
            *err = merge_err;
        return merged;
    }
    return worker_failure(r, err);
}

/* Streams the whole corpus: batch k is tokenized, then resolved, then counted during the
 * tokenizing of batch k + 1 (the last one on its own). */
static int stream(nt_run *r, const nt_hooks *hooks, nt_pipeline *p, nt_error *err)
{
    size_t total = nt_corpus_count(r->corpus);
    const nt_batch *prev = NULL;
    int rc = NT_OK;
    for (size_t begin = 0, k = 0; rc == NT_OK && begin < total; begin += r->capacity, k++) {
        nt_batch *cur = &r->batches[k % 2];
        cur->begin = begin;
        cur->count = total - begin < r->capacity ? total - begin : r->capacity;
        rc = tokenize(r, cur, prev, p, err);
        if (rc == NT_OK && nt_run_resolve(r, cur->parity, p->builder) != NT_OK)
            rc = nt_error_set(err, NT_ENOMEM, "out of memory adding terms to the vocabulary");
        nt_hooks_progress(hooks, "reading", begin + cur->count, total);
        prev = cur;
    }
    if (rc == NT_OK && prev)
        rc = nt_run_merge(r, prev, p, err);
    return rc;
}

int nt_pipeline_run(const nt_corpus *corpus, const nt_text_options *opts,
                    const nt_hooks *hooks, nt_pipeline *p, nt_error *err)
{
    memset(p, 0, sizeof *p);
    nt_run r = {.corpus = corpus, .ngram_max = opts->ngram_max};
    int rc = start(&r, opts, hooks, p, err);
    if (rc == NT_OK)
        rc = stream(&r, hooks, p, err);
    if (rc == NT_OK && nt_run_offer_surfaces(&r, p->builder) != NT_OK)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory recording surface forms");
    if (rc == NT_OK && p->stats.skipped_binary > 0)
        nt_hooks_log(hooks, NT_LOG_WARNING,
                     "skipped %zu binary document%s (holding NUL bytes), the first being %s",
                     p->stats.skipped_binary, p->stats.skipped_binary == 1 ? "" : "s",
                     nt_corpus_name(corpus, r.first_binary));
    stop(&r);
    return rc;
}

void nt_pipeline_free(nt_pipeline *p)
{
    nt_vocab_builder_free(p->builder);
    nt_rows_free(&p->rows);
    free(p->kept);
    memset(p, 0, sizeof *p);
}
