/* worker_row.c: the end of a document in a worker: its new stems and its bigrams join the
 * shared vocabulary builder, under one lock, and its terms are counted into a row. */
#include "dtm/worker.h"

#include "vocab/builder_hashed.h"
#include "vocab/grow.h"

#define PREFETCH_AHEAD 8  /* stems whose table slots are asked for ahead of their turn */

/* Gives the pending tokens their builder term ids. The builder is shared by all workers:
 * this is the only place they write to it. The other workers wait meanwhile, so the stems
 * were hashed beforehand, and the table slots they land on (random reads of a table that
 * outgrows the caches) are fetched several at a time. */
static int add_pending_stems(nt_worker *w)
{
    nt_tokmap *m = &w->tokens;
    size_t n = m->n_pending;
    int rc = NT_OK;
#pragma omp critical(nt_dtm_builder)
    {
        for (size_t p = 0; p < n && p < PREFETCH_AHEAD; p++)
            nt_vocab_builder_prefetch(w->builder, w->stem_hash[p]);
        for (size_t p = 0; p < n && rc == NT_OK; p++) {
            if (p + PREFETCH_AHEAD < n)
                nt_vocab_builder_prefetch(w->builder, w->stem_hash[p + PREFETCH_AHEAD]);
            int id = nt_vocab_builder_add_stem_hashed(w->builder, w->stems + w->stem_at[p],
                                                      w->stem_at[p + 1] - w->stem_at[p],
                                                      w->stem_hash[p]);
            if (id < 0)
                rc = id;
            else
                m->slots[m->pending[p]].term = id;
        }
        w->terms_known = nt_vocab_builder_count(w->builder);
    }
    return rc;
}

/* Appends the document's bigram ids to its unigram ids in w->seq. */
static int add_bigrams(nt_worker *w)
{
    size_t n = w->seq_len;
    if (n < 2)
        return NT_OK;
    if (nt_grow_array((void **)&w->seq, sizeof *w->seq, w->seq_cap, 2 * n - 1, &w->seq_cap))
        return NT_ENOMEM;
    int rc = NT_OK;
#pragma omp critical(nt_dtm_builder)
    {
        for (size_t i = 1; i < n && rc == NT_OK; i++) {
            int pair = nt_vocab_builder_add_bigram(w->builder, w->seq[i - 1], w->seq[i]);
            if (pair < 0)
                rc = pair;
            else
                w->seq[w->seq_len++] = pair;
        }
        w->terms_known = nt_vocab_builder_count(w->builder);
    }
    return rc;
}

int nt_worker_count_document(nt_worker *w, nt_row *row)
{
    int rc = w->tokens.n_pending > 0 ? add_pending_stems(w) : NT_OK;
    if (rc != NT_OK)
        return rc;
    const nt_tokmap *m = &w->tokens;
    for (size_t i = 0; i < w->seq_len; i++)
        if (nt_term_is_pending(w->seq[i]))
            w->seq[i] = m->slots[m->pending[-2 - w->seq[i]]].term;
    nt_tokmap_pending_clear(&w->tokens);
    w->stem_at[0] = 0;
    if (w->ngram_max == 2 && (rc = add_bigrams(w)) != NT_OK)
        return rc;
    nt_counter *c = &w->counter;
    if (nt_counter_begin(c, w->seq_len, w->terms_known) != 0)
        return NT_ENOMEM;
    for (size_t i = 0; i < w->seq_len; i++)
        nt_counter_add(c, w->seq[i]);
    return nt_row_store_add(&w->rows, c->terms, c->counts, c->n, row);
}
