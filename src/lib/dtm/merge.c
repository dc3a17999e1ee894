/* merge.c: turning tokenized batches into counted rows: new tokens join the lexicon and
 * the vocabulary builder, then each document becomes a row of term counts. */
#include <string.h>

#include "dtm/run.h"
#include "vocab/grow.h"

int nt_run_resolve(nt_run *r, int parity, nt_vocab_builder *b)
{
    nt_lexicon *lex = &r->lexicon;
    for (int t = 0; t < r->n_workers; t++) {
        nt_fresh *f = &r->workers[t].fresh[parity];
        for (size_t k = 0; k < f->tokens.n; k++) {
            const char *token = nt_strtab_str(&f->tokens, (int)k);
            size_t len = nt_strtab_len(&f->tokens, (int)k);
            const char *stem = nt_fresh_stem(f, (int)k);
            int id, rc = nt_lexicon_intern(lex, token, len, nt_strtab_hash(token, len), &id);
            if (rc < 0)
                return rc;
            if (rc == 1 && stem && (lex->term[id] = nt_vocab_builder_add_stem(b, stem,
                                                                             strlen(stem))) < 0)
                return lex->term[id];
            f->lexicon[k] = id;
        }
    }
    return NT_OK;
}

/* Translates a slot's tokens to vocabulary builder ids, counting each token in the
 * lexicon, then appends its bigram ids. Returns the number of ids in r->ids, or a
 * negative status. */
static long term_ids(nt_run *r, const nt_doc_slot *slot, int parity, nt_vocab_builder *b)
{
    size_t need = r->ngram_max == 2 ? 2 * slot->len : slot->len;
    if (need > r->ids_cap &&
        nt_grow_array((void **)&r->ids, sizeof *r->ids, r->ids_cap, need, &r->ids_cap))
        return NT_ENOMEM;
    const int *fresh = r->workers[slot->worker].fresh[parity].lexicon;
    nt_lexicon *lex = &r->lexicon;
    for (size_t i = 0; i < slot->len; i++) {
        int v = slot->seq[i], id = v >= 0 ? v : fresh[-1 - v];
        lex->count[id]++;
        r->ids[i] = lex->term[id];
    }
    size_t n = slot->len;
    for (size_t i = 1; r->ngram_max == 2 && i < slot->len; i++) {
        int pair = nt_vocab_builder_add_bigram(b, r->ids[i - 1], r->ids[i]);
        if (pair < 0)
            return pair;
        r->ids[n++] = pair;
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
static int merge_slot(nt_run *r, const nt_doc_slot *slot, int parity, size_t doc,
                      nt_pipeline *p)
{
    if (slot->binary) {
        if (p->stats.skipped_binary++ == 0)
            r->first_binary = doc;
        return NT_OK;
    }
    long n = term_ids(r, slot, parity, p->builder);
    if (n < 0 || nt_counter_begin(&r->counter, (size_t)n, nt_vocab_builder_count(p->builder)) ||
        keep_row(p, doc))
        return NT_ENOMEM;
    for (long i = 0; i < n; i++)
        nt_counter_add(&r->counter, r->ids[i]);
    nt_vocab_builder_add_document(p->builder, r->counter.terms, r->counter.counts, r->counter.n);
    if (nt_rows_append(&p->rows, r->counter.terms, r->counter.counts, r->counter.n))
        return NT_ENOMEM;
    p->stats.documents++;
    p->stats.decoded_latin1 += slot->latin1 != 0;
    p->stats.bytes += slot->bytes;
    p->stats.tokens += slot->tokens;
    return NT_OK;
}

int nt_run_merge(nt_run *r, const nt_batch *batch, nt_pipeline *p, nt_error *err)
{
    for (size_t k = 0; k < batch->count; k++)
        if (merge_slot(r, &batch->slots[k], batch->parity, batch->begin + k, p) != NT_OK)
            return nt_error_set(err, NT_ENOMEM, "out of memory counting %s",
                                nt_corpus_name(r->corpus, batch->begin + k));
    for (int t = 0; t < r->n_workers; t++)
        nt_fresh_clear(&r->workers[t].fresh[batch->parity]);
    return NT_OK;
}

int nt_run_offer_surfaces(const nt_run *r, nt_vocab_builder *b)
{
    const nt_lexicon *lex = &r->lexicon;
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
