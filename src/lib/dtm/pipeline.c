/* pipeline.c: the streaming driver. Documents are handed out one at a time to the workers
 * (one per OpenMP thread, dynamic schedule, since e-mails and speeches differ in size by
 * orders of magnitude); each worker reads, tokenizes, stems and counts a document into a
 * row of its own. Only the rows of term counts are kept, never the text. At the end the
 * rows are gathered in document order, so the output does not depend on which thread
 * counted which document. */
#include "dtm/pipeline.h"

#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dtm/surfaces.h"
#include "dtm/worker.h"
#include "vocab/grow.h"

#define PROGRESS_EVERY 64  /* documents between progress reports */
#define PREFETCH_AHEAD 128 /* documents asked for ahead of the readers once one was uncached */

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

/* Everything one run holds besides its result. */
typedef struct nt_run {
    nt_stopwords *stopwords;  /* NULL when no word is to be removed */
    nt_worker *workers;       /* size n_workers */
    int n_workers;
} nt_run;

static int start(nt_run *r, const nt_corpus *corpus, const nt_text_options *opts,
                 const nt_hooks *hooks, nt_pipeline *p, nt_error *err)
{
    int rc = load_stopwords(opts, hooks, &r->stopwords, err);
    if (rc != NT_OK)
        return rc;
    r->n_workers = opts->threads > 0 ? opts->threads : omp_get_max_threads();
    size_t total = nt_corpus_count(corpus);
    r->workers = calloc((size_t)r->n_workers, sizeof *r->workers);
    p->rows = malloc(total * sizeof *p->rows);
    p->kept = malloc(total * sizeof *p->kept);
    p->stores = calloc((size_t)r->n_workers, sizeof *p->stores);
    p->builder = nt_vocab_builder_create();
    if (!r->workers || !p->rows || !p->kept || !p->stores || !p->builder)
        return nt_error_set(err, NT_ENOMEM, "out of memory starting %d threads", r->n_workers);
    for (int t = 0; t < r->n_workers && rc == NT_OK; t++)
        rc = nt_worker_init(&r->workers[t], opts, r->stopwords, p->builder, err);
    return rc;
}

/* Releases the workers, handing their rows over to p. */
static void stop(nt_run *r, nt_pipeline *p)
{
    for (int t = 0; r->workers && p->stores && t < r->n_workers; t++) {
        p->stores[t] = r->workers[t].rows;
        memset(&r->workers[t].rows, 0, sizeof r->workers[t].rows);
        p->n_stores = t + 1;
    }
    for (int t = 0; r->workers && t < r->n_workers; t++)
        nt_worker_free(&r->workers[t]);
    free(r->workers);
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

/* Once a document had to be read from the disk (the folder is not in the page cache), the
 * readers ask for the documents ahead of them, up to PREFETCH_AHEAD past the one read, so
 * that the disk works on many at once instead of one per reader. *prefetched is where the
 * asking has reached; each reader claims the next stretch and asks for it. */
static void prefetch_ahead(const nt_corpus *corpus, size_t doc, size_t *prefetched)
{
    size_t total = nt_corpus_count(corpus), to = doc + 1 + PREFETCH_AHEAD, from;
    to = to < total ? to : total;
#pragma omp critical(nt_dtm_prefetch)
    {
        from = *prefetched > doc + 1 ? *prefetched : doc + 1;
        *prefetched = from > to ? from : to;
    }
    for (size_t i = from; i < to; i++)
        nt_corpus_prefetch(corpus, i);
}

/* Runs every document through a worker, recording its row in p->rows[doc] and whether it
 * was kept in p->kept[doc] (SIZE_MAX when skipped). After a failure, later documents are
 * skipped but earlier ones still run, so the failure reported is always the earliest one.
 * Progress is reported by the calling thread (thread 0) only. */
static void count_all(nt_run *r, const nt_corpus *corpus, const nt_hooks *hooks,
                      nt_pipeline *p)
{
    size_t total = nt_corpus_count(corpus), done = 0, first_failed = total, prefetched = 0;
    int uncached = 0;
#pragma omp parallel num_threads(r->n_workers)
    {
        int self = omp_get_thread_num();
#pragma omp for schedule(dynamic, 1)
        for (size_t doc = 0; doc < total; doc++) {
            size_t failed;
#pragma omp atomic read
            failed = first_failed;
            if (doc > failed)
                continue;
            int rc = nt_worker_process(&r->workers[self], corpus, doc, &p->rows[doc]);
            p->kept[doc] = rc == NT_OK ? doc : SIZE_MAX;
            int cold;
#pragma omp atomic read
            cold = uncached;
            if (!cold && r->workers[self].text.waited) {
#pragma omp atomic write
                uncached = 1;
                cold = 1;
            }
            if (cold)
                prefetch_ahead(corpus, doc, &prefetched);
            if (rc < 0) {
#pragma omp critical(nt_dtm_first_failure)
                if (doc < first_failed) {
#pragma omp atomic write
                    first_failed = doc;
                }
            }
            size_t now;
#pragma omp atomic capture
            now = ++done;
            if (self == 0 && now % PROGRESS_EVERY == 0)
                nt_hooks_progress(hooks, "reading", now, total);
        }
    }
    nt_hooks_progress(hooks, "reading", total, total);
}

/* Moves the rows of the kept documents to the front, in document order, and counts their
 * terms' document frequencies; sums the workers' statistics. */
static void gather(const nt_run *r, size_t total, nt_pipeline *p)
{
    for (size_t doc = 0; doc < total; doc++) {
        if (p->kept[doc] == SIZE_MAX)
            continue;
        const nt_row *row = &p->rows[doc];
        nt_vocab_builder_add_document(p->builder, row->term, row->count, row->n);
        p->rows[p->m] = *row;
        p->kept[p->m++] = doc;
    }
    for (int t = 0; t < r->n_workers; t++) {
        const nt_dtm_stats *s = &r->workers[t].stats;
        p->stats.documents += s->documents;
        p->stats.skipped_binary += s->skipped_binary;
        p->stats.decoded_latin1 += s->decoded_latin1;
        p->stats.bytes += s->bytes;
        p->stats.tokens += s->tokens;
    }
}

/* The first binary document any worker met. */
static size_t first_binary(const nt_run *r)
{
    size_t first = (size_t)-1;
    for (int t = 0; t < r->n_workers; t++)
        if (r->workers[t].stats.skipped_binary > 0 && r->workers[t].first_binary < first)
            first = r->workers[t].first_binary;
    return first;
}

int nt_pipeline_run(const nt_corpus *corpus, const nt_text_options *opts, int surfaces,
                    const nt_hooks *hooks, nt_pipeline *p, nt_error *err)
{
    memset(p, 0, sizeof *p);
    nt_run r = {0};
    int rc = start(&r, corpus, opts, hooks, p, err);
    if (rc == NT_OK) {
        count_all(&r, corpus, hooks, p);
        rc = worker_failure(&r, err);
    }
    if (rc == NT_OK)
        gather(&r, nt_corpus_count(corpus), p);
    double min_docs = nt_df_limit_documents(opts->prune.min_df, p->m);
    if (rc == NT_OK && surfaces &&
        nt_surfaces_offer(r.workers, r.n_workers, min_docs, p->builder) != NT_OK)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory recording surface forms");
    if (rc == NT_OK && p->stats.skipped_binary > 0)
        nt_hooks_log(hooks, NT_LOG_WARNING,
                     "skipped %zu binary document%s (holding NUL bytes), the first being %s",
                     p->stats.skipped_binary, p->stats.skipped_binary == 1 ? "" : "s",
                     nt_corpus_name(corpus, first_binary(&r)));
    stop(&r, p);
    return rc;
}

void nt_pipeline_free(nt_pipeline *p)
{
    nt_vocab_builder_free(p->builder);
    for (int t = 0; t < p->n_stores; t++)
        nt_row_store_free(&p->stores[t]);
    free(p->stores);
    free(p->rows);
    free(p->kept);
    memset(p, 0, sizeof *p);
}
