/* tokmap.h: one worker's table of the distinct tokens it has met, each with its vocabulary
 * term and how often the worker met it. Private to its thread: no locks. */
#ifndef NT_DTM_TOKMAP_H
#define NT_DTM_TOKMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vocab/strtab.h"

#define NT_TERM_STOP (-1)    /* term of a stop word */
#define NT_TOKMAP_INLINE 12  /* tokens up to this many bytes live in their slot */

/* A token's term below NT_TERM_STOP is pending: its stem is not in the vocabulary builder
 * yet, and -2 - term is its place in the pending list (nt_tokmap_pending). */
static inline int nt_term_is_pending(int32_t term)
{
    return term < NT_TERM_STOP;
}

/* One cache line holds two slots: a token of at most NT_TOKMAP_INLINE bytes is found, and
 * counted, by reading one slot, which matters because most of a corpus' tokens are short and
 * the table of a messy corpus (hundreds of thousands of tokens) outgrows the caches. */
typedef struct nt_tokmap_slot {
    uint32_t tag;    /* lower 32 bits of the token's hash; the slot index comes from them */
    int32_t term;    /* vocabulary builder term id, NT_TERM_STOP, or pending */
    uint64_t count;  /* occurrences this worker met */
    uint32_t len;    /* bytes of the token; 0 marks an empty slot */
    char text[NT_TOKMAP_INLINE];  /* short tokens: the bytes; long ones: their offset in
                                     the arena (a uint64_t, unaligned) */
} nt_tokmap_slot;

typedef struct nt_tokmap {
    nt_tokmap_slot *slots;  /* size cap, a power of two, at most three quarters full */
    size_t cap;
    size_t n;               /* tokens held */
    char *arena;            /* size arena_cap: the long tokens, back to back */
    size_t arena_len;
    size_t arena_cap;
    size_t *pending;        /* size pending_cap: slot index of each pending token */
    size_t n_pending;
    size_t pending_cap;
} nt_tokmap;

/* Prepares an empty table; returns 0 or NT_ENOMEM. */
int nt_tokmap_init(nt_tokmap *m);

/* Releases m's storage; safe on a zeroed table. */
void nt_tokmap_free(nt_tokmap *m);

/* The bytes of the token in slot s. */
static inline const char *nt_tokmap_text(const nt_tokmap *m, const nt_tokmap_slot *s)
{
    if (s->len <= NT_TOKMAP_INLINE)
        return s->text;
    uint64_t at;
    memcpy(&at, s->text, sizeof at);
    return m->arena + at;
}

/* Whether the n <= NT_TOKMAP_INLINE bytes at a and b are equal, NT_TOKMAP_INLINE bytes
 * being readable at each: two masked 8-byte comparisons (bytes 0-7 and 4-11), without a
 * branch on n, whose value varies from one token to the next. */
static inline int nt_tokmap_equal_inline(const char *a, const char *b, size_t n)
{
    uint64_t x0 = nt_strtab_load8(a) ^ nt_strtab_load8(b);
    uint64_t x1 = nt_strtab_load8(a + 4) ^ nt_strtab_load8(b + 4);
    return (nt_strtab_keep(x0, n < 8 ? n : 8) | nt_strtab_keep(x1, n > 4 ? n - 4 : 0)) == 0;
}

/* The slot holding the token (len > 0 bytes, tag = the lower 32 bits of their
 * nt_strtab_hash, at least NT_TOKMAP_INLINE bytes readable at token), or the empty slot
 * where it would go. A slot's tag is all it takes to look its token up in another table. */
static inline size_t nt_tokmap_probe(const nt_tokmap *m, const char *token, size_t len,
                                     uint32_t tag)
{
    size_t mask = m->cap - 1;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
        const nt_tokmap_slot *s = &m->slots[i];
        if (s->len == 0)
            return i;
        if (s->tag == tag && s->len == len &&
            (len <= NT_TOKMAP_INLINE ? nt_tokmap_equal_inline(s->text, token, len)
                                     : memcmp(nt_tokmap_text(m, s), token, len) == 0))
            return i;
    }
}

/* Fills the empty slot i that nt_tokmap_probe returned for a token with term and a zero
 * count, growing the table if it gets too full. A pending term (-2 - p, p being
 * m->n_pending) is appended to the pending list. Returns the token's slot index (which
 * growing changes), NT_ENOMEM, or NT_EINVAL for a token of 2^32 bytes or more. */
long nt_tokmap_add(nt_tokmap *m, size_t i, const char *token, size_t len, uint64_t hash,
                   int32_t term);

/* Empties the pending list once every pending token has received its term. */
static inline void nt_tokmap_pending_clear(nt_tokmap *m)
{
    m->n_pending = 0;
}

#endif
