/* counter.c: the storage of the per-document term counter. */
#include "dtm/counter.h"

#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"

void nt_counter_free(nt_counter *c)
{
    free(c->mark);
    free(c->pos);
    free(c->terms);
    free(c->counts);
    memset(c, 0, sizeof *c);
}

int nt_counter_begin(nt_counter *c, size_t max_len, size_t n_ids)
{
    if (n_ids > c->id_cap) {
        size_t cap = c->id_cap;
        if (nt_grow_array((void **)&c->mark, sizeof *c->mark, c->id_cap, n_ids, &cap) ||
            nt_grow_array((void **)&c->pos, sizeof *c->pos, c->id_cap, n_ids, &cap))
            return NT_ENOMEM;
        memset(c->mark + c->id_cap, 0, (cap - c->id_cap) * sizeof *c->mark);
        c->id_cap = cap;
    }
    if (max_len > c->len_cap) {
        size_t cap = c->len_cap;
        if (nt_grow_array((void **)&c->terms, sizeof *c->terms, c->len_cap, max_len, &cap) ||
            nt_grow_array((void **)&c->counts, sizeof *c->counts, c->len_cap, max_len, &cap))
            return NT_ENOMEM;
        c->len_cap = cap;
    }
    if (++c->stamp == 0) {  /* wrapped around: old marks could look current */
        memset(c->mark, 0, c->id_cap * sizeof *c->mark);
        c->stamp = 1;
    }
    c->n = 0;
    return 0;
}
