/* rows.c: storing counted rows in blocks. */
#include "dtm/rows.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"

#define BLOCK_ENTRIES ((size_t)1 << 17)  /* 1 MiB of ids and counts per block */

void nt_row_store_free(nt_row_store *s)
{
    for (size_t b = 0; b < s->n_blocks; b++)
        free(s->blocks[b]);
    free(s->blocks);
    free(s->cap);
    memset(s, 0, sizeof *s);
}

/* Starts a block with room for at least n entries. */
static int new_block(nt_row_store *s, size_t n)
{
    size_t cap = n > BLOCK_ENTRIES ? n : BLOCK_ENTRIES, blocks_cap = s->blocks_cap;
    if (s->n_blocks == blocks_cap &&
        (nt_grow_array((void **)&s->blocks, sizeof *s->blocks, s->blocks_cap, s->n_blocks + 1,
                       &blocks_cap) ||
         nt_grow_array((void **)&s->cap, sizeof *s->cap, s->blocks_cap, s->n_blocks + 1,
                       &blocks_cap)))
        return NT_ENOMEM;
    s->blocks_cap = blocks_cap;
    if (cap > SIZE_MAX / (2 * sizeof(int)) ||
        !(s->blocks[s->n_blocks] = malloc(2 * cap * sizeof(int))))
        return NT_ENOMEM;
    s->cap[s->n_blocks++] = cap;
    s->used = 0;
    return 0;
}

int nt_row_store_add(nt_row_store *s, const int *term, const int *count, size_t n,
                     nt_row *out)
{
    if ((s->n_blocks == 0 || s->used + n > s->cap[s->n_blocks - 1]) && new_block(s, n) != 0)
        return NT_ENOMEM;
    int *block = s->blocks[s->n_blocks - 1];
    size_t cap = s->cap[s->n_blocks - 1];
    int *t = block + s->used, *c = block + cap + s->used;
    if (n > 0) {  /* term and count may be NULL for an empty row */
        memcpy(t, term, n * sizeof *t);
        memcpy(c, count, n * sizeof *c);
    }
    s->used += n;
    *out = (nt_row){t, c, n};
    return 0;
}
