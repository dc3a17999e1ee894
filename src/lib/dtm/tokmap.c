/* tokmap.c: storage and growth of a worker's token table. */
#include "dtm/tokmap.h"

#include <stdlib.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"
#include "vocab/table_alloc.h"

#define INITIAL_SLOTS 4096

_Static_assert(sizeof(nt_tokmap_slot) == 32, "two slots per 64-byte cache line");

int nt_tokmap_init(nt_tokmap *m)
{
    memset(m, 0, sizeof *m);
    m->slots = nt_table_calloc(INITIAL_SLOTS * sizeof *m->slots);
    if (!m->slots)
        return NT_ENOMEM;
    m->cap = INITIAL_SLOTS;
    return 0;
}

void nt_tokmap_free(nt_tokmap *m)
{
    nt_table_free(m->slots, m->cap * sizeof *m->slots);
    free(m->arena);
    free(m->pending);
    memset(m, 0, sizeof *m);
}

/* Doubles the slot array, re-placing slots from their tags in the order they lie (no token
 * is read again), and keeps the pending list pointing at the moved slots. */
static int grow(nt_tokmap *m)
{
    size_t cap = 2 * m->cap, mask = cap - 1;
    if (m->cap > UINT32_MAX / 2)  /* tags hold 32 bits of index */
        return NT_ENOMEM;
    nt_tokmap_slot *slots = nt_table_calloc(cap * sizeof *slots);
    if (!slots)
        return NT_ENOMEM;
    for (size_t k = 0; k < m->cap; k++) {
        const nt_tokmap_slot *s = &m->slots[k];
        if (s->len == 0)
            continue;
        size_t i = s->tag & mask;
        while (slots[i].len != 0)
            i = (i + 1) & mask;
        slots[i] = *s;
        if (nt_term_is_pending(s->term))
            m->pending[-2 - s->term] = i;
    }
    nt_table_free(m->slots, m->cap * sizeof *m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* Copies a long token into the arena and stores its offset in the slot's text. */
static int store_long(nt_tokmap *m, nt_tokmap_slot *s, const char *token, size_t len)
{
    size_t need = m->arena_len + len;
    if (need > m->arena_cap &&
        nt_grow_array((void **)&m->arena, 1, m->arena_cap, need, &m->arena_cap))
        return NT_ENOMEM;
    uint64_t at = m->arena_len;
    memcpy(m->arena + at, token, len);
    memcpy(s->text, &at, sizeof at);
    m->arena_len = need;
    return 0;
}

long nt_tokmap_add(nt_tokmap *m, size_t i, const char *token, size_t len, uint64_t hash,
                   int32_t term)
{
    if (len >= UINT32_MAX)
        return NT_EINVAL;
    if (nt_term_is_pending(term) && m->n_pending == m->pending_cap &&
        nt_grow_array((void **)&m->pending, sizeof *m->pending, m->pending_cap,
                      m->n_pending + 1, &m->pending_cap))
        return NT_ENOMEM;
    nt_tokmap_slot *s = &m->slots[i];
    if (len <= NT_TOKMAP_INLINE)
        memcpy(s->text, token, len);
    else if (store_long(m, s, token, len) != 0)
        return NT_ENOMEM;
    s->tag = (uint32_t)hash;
    s->term = term;
    s->count = 0;
    s->len = (uint32_t)len;
    m->n++;
    if (nt_term_is_pending(term))
        m->pending[m->n_pending++] = i;
    if (4 * m->n > 3 * m->cap) {
        if (grow(m) != 0) {
            m->n--;  /* keep the table consistent: undo the addition */
            m->n_pending -= nt_term_is_pending(term);
            m->slots[i].len = 0;
            return NT_ENOMEM;
        }
        i = nt_tokmap_probe(m, token, len, (uint32_t)hash);
    }
    return (long)i;
}
