/* surfaces.c: the surface forms of the terms: a term keeps its most frequent token over the
 * whole corpus, so a token's counts from every worker are summed before it is offered.
 * Each worker's table is scanned by its own thread; only the offers are serial. */
#include "dtm/surfaces.h"

#include <stdlib.h>

#include "vocab/builder.h"
#include "vocab/grow.h"

#define PREFETCH_AHEAD 16  /* tokens whose slots in the other tables are fetched early */

/* A token to offer, with its count summed over all tables. */
typedef struct candidate {
    const char *text;
    uint64_t count;
    int32_t term;
    uint32_t len;
} candidate;

typedef struct candidates {
    candidate *items;  /* size cap */
    size_t n;
    size_t cap;
} candidates;

/* The count of the token (text, len, tag) in m, or 0 when m lacks it. */
static uint64_t count_in(const nt_tokmap *m, const char *text, size_t len, uint32_t tag)
{
    const nt_tokmap_slot *s = &m->slots[nt_tokmap_probe(m, text, len, tag)];
    return s->len != 0 ? s->count : 0;
}

/* The token of slot s of table t as a candidate when no earlier table holds it (the first
 * table holding a token offers it), its count summed over table t and the later ones.
 * Returns 1 when it is one. */
static int own_token(const nt_worker *workers, int n_workers, int t, const nt_tokmap_slot *s,
                     candidate *out)
{
    const nt_tokmap *m = &workers[t].tokens;
    const char *text = nt_tokmap_text(m, s);
    uint64_t count = s->count;
    for (int u = 0; u < t; u++)
        if (count_in(&workers[u].tokens, text, s->len, s->tag) > 0)
            return 0;
    for (int u = t + 1; u < n_workers; u++)
        count += count_in(&workers[u].tokens, text, s->len, s->tag);
    *out = (candidate){text, count, s->term, s->len};
    return 1;
}

/* Asks for the home slots of a token in every other table: those probes are random reads
 * of tables larger than the caches, and issuing them ahead overlaps their latencies. */
static void prefetch(const nt_worker *workers, int n_workers, int t, const nt_tokmap_slot *s)
{
    for (int u = 0; u < n_workers; u++)
        if (u != t)
            __builtin_prefetch(&workers[u].tokens.slots[s->tag & (workers[u].tokens.cap - 1)]);
}

/* What makes a slot's token worth offering: its term's document frequency. */
typedef struct offer_filter {
    const int64_t *df;  /* the builder's, by term */
    double min_docs;
} offer_filter;

/* Whether slot s holds a token to offer: a counted token whose term may be kept. */
static int wanted(const nt_tokmap_slot *s, const offer_filter *f)
{
    return s->len != 0 && s->term >= 0 && s->count > 0 && (double)f->df[s->term] >= f->min_docs;
}

/* Collects the candidates that table t owns. Returns NT_OK or NT_ENOMEM. */
static int collect(const nt_worker *workers, int n_workers, int t, const offer_filter *f,
                   candidates *out)
{
    const nt_tokmap *m = &workers[t].tokens;
    if (nt_grow_array((void **)&out->items, sizeof *out->items, 0, m->n, &out->cap))
        return NT_ENOMEM;
    size_t ahead = 0;
    for (size_t k = 0; k < m->cap; k++) {
        for (; ahead < m->cap && ahead < k + PREFETCH_AHEAD; ahead++)
            if (wanted(&m->slots[ahead], f))
                prefetch(workers, n_workers, t, &m->slots[ahead]);
        if (wanted(&m->slots[k], f) &&
            own_token(workers, n_workers, t, &m->slots[k], &out->items[out->n]))
            out->n++;
    }
    return NT_OK;
}

int nt_surfaces_offer(const nt_worker *workers, int n_workers, double min_docs,
                      nt_vocab_builder *b)
{
    const offer_filter f = {b->df, min_docs};
    candidates *lists = calloc((size_t)n_workers, sizeof *lists);
    int rc = lists ? NT_OK : NT_ENOMEM;
#pragma omp parallel for num_threads(n_workers) schedule(dynamic, 1) if (rc == NT_OK)
    for (int t = 0; t < n_workers; t++)
        if (collect(workers, n_workers, t, &f, &lists[t]) != NT_OK) {
#pragma omp atomic write
            rc = NT_ENOMEM;
        }
    for (int t = 0; lists && t < n_workers; t++) {
        for (size_t k = 0; k < lists[t].n && rc == NT_OK; k++) {
            const candidate *c = &lists[t].items[k];
            rc = nt_vocab_builder_offer_surface(b, c->term, c->text, c->len, (int64_t)c->count);
        }
        free(lists[t].items);
    }
    free(lists);
    return rc;
}
