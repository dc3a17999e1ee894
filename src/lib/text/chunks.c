/* chunks.c: finding a document's chunks and ASCII tokens from bit masks of its bytes. */
#include <stdint.h>

#include "tokenizer_internal.h"

/* Tokenizes t[0..len), a lowercased chunk made only of ASCII letters, digits and '_'. */
static int split_ascii(nt_tokenizer *tok, char *t, size_t len)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t i = 0;
    while (i < len) {
        while (i < len && tok->bytes.of[u[i]] != NT_BYTE_TOKEN)
            i++;
        size_t start = i;
        while (i < len && tok->bytes.of[u[i]] == NT_BYTE_TOKEN)
            i++;
        int rc = i > start ? nt_tokenizer_emit(tok, t + start, i - start, i - start) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

/* The bits below bit k < 64. */
static uint64_t below(size_t k)
{
    return ((uint64_t)1 << k) - 1;
}

/* Tokenizes a chunk, given as its bytes s and their lowercased copy t, from what the masks
 * said about it: without special bytes (the common case) it is one token; with non-ASCII
 * bytes it goes through normalisation; otherwise it splits at digits or '_'. */
static int split_chunk(nt_tokenizer *tok, const char *s, char *t, size_t len, int special,
                       int high)
{
    if (!special)
        return nt_tokenizer_emit(tok, t, len, len);
    return high ? nt_tokenizer_split_unicode(tok, s, len) : split_ascii(tok, t, len);
}

/* Emits the runs of set bits of x, the token bytes of an ASCII chunk inside the lowercased
 * block t; the bit after each run is clear (a chunk never ends a block). */
static int emit_runs(nt_tokenizer *tok, char *t, uint64_t x)
{
    while (x != 0) {
        size_t from = (size_t)__builtin_ctzll(x);
        size_t to = (size_t)__builtin_ctzll(~(x | below(from)));
        int rc = nt_tokenizer_emit(tok, t + from, to - from, to - from);
        if (rc)
            return rc;
        x &= ~below(to);
    }
    return 0;
}

/* Tokenizes the chunk [from, to) inside the block at s + b (lowercased at t + b). */
static int block_chunk(nt_tokenizer *tok, const char *s, char *t, size_t b, size_t from,
                       size_t to, const nt_byte_masks *m)
{
    uint64_t in = below(to) ^ below(from), special = m->special & in;
    if (special == 0)
        return nt_tokenizer_emit(tok, t + b + from, to - from, to - from);
    if ((m->high & in) != 0)
        return nt_tokenizer_split_unicode(tok, s + b + from, to - from);
    return emit_runs(tok, t + b, in & ~special);
}

/* What the scan carries from one block to the next. */
typedef struct chunk_scan {
    size_t start;  /* where the open chunk starts */
    int open;      /* the last byte scanned is in a chunk */
    int special;   /* the open chunk's bytes in earlier blocks include special ones */
    int high;      /* ... and non-ASCII ones */
} chunk_scan;

/* Tokenizes the chunks ending in the block at s + b, whose masks are m. A chunk starts at
 * a non-separator following a separator and ends at a separator following a
 * non-separator: the set bits of sep ^ (sep << 1) mark both kinds of edges, which
 * alternate, so they are taken in pairs, lowest first, without looking at the bytes. */
static int scan_block(nt_tokenizer *tok, const char *s, char *t, size_t b,
                      const nt_byte_masks *m, chunk_scan *c)
{
    uint64_t edges = m->sep ^ (m->sep << 1 | (uint64_t)!c->open);
    if (c->open) {  /* the first edge ends the chunk open since an earlier block */
        size_t end = edges != 0 ? (size_t)__builtin_ctzll(edges) : NT_BYTE_BLOCK;
        uint64_t before = end < NT_BYTE_BLOCK ? below(end) : ~(uint64_t)0;
        c->special |= (m->special & before) != 0;
        c->high |= (m->high & before) != 0;
        if (edges == 0)
            return 0;
        edges &= edges - 1;
        c->open = 0;
        int rc = split_chunk(tok, s + c->start, t + c->start, b + end - c->start, c->special,
                             c->high);
        if (rc)
            return rc;
    }
    while (edges != 0) {
        size_t from = (size_t)__builtin_ctzll(edges);
        edges &= edges - 1;
        if (edges == 0) {  /* the chunk goes on into the next block */
            uint64_t after = ~below(from);
            *c = (chunk_scan){b + from, 1, (m->special & after) != 0, (m->high & after) != 0};
            return 0;
        }
        size_t to = (size_t)__builtin_ctzll(edges);
        edges &= edges - 1;
        int rc = block_chunk(tok, s, t, b, from, to, m);
        if (rc)
            return rc;
    }
    return 0;
}

/* A chunk is a maximal run of bytes that are ASCII word characters or non-ASCII: ASCII
 * punctuation and space never join with their neighbours under NFKC, so chunks can be
 * normalised independently, and pure-ASCII chunks need no normalisation at all. The
 * bytes are classified a block at a time into bit masks (the last, short block one byte
 * at a time) while a lowercased copy is made; finding chunks and tokens then costs a few
 * instructions each, not a branch per byte. */
int nt_tokenizer_split_chunks(nt_tokenizer *tok, const char *s, size_t len)
{
    if (nt_text_scratch_reserve(&tok->token, len + 1) < 0) {
        tok->out_of_memory = 1;
        return NT_ENOMEM;
    }
    const unsigned char *u = (const unsigned char *)s;
    char *t = tok->token.data;
    chunk_scan c = {0, 0, 0, 0};
    int rc = 0;
    for (size_t b = 0; b < len && rc == 0; b += NT_BYTE_BLOCK) {
        nt_byte_masks m;
        if (len - b >= NT_BYTE_BLOCK)
            nt_byteclass_scan_block(&tok->bytes, u + b, t + b, &m);
        else
            nt_byteclass_scan_bytes(&tok->bytes, u + b, len - b, t + b, &m);
        rc = scan_block(tok, s, t, b, &m, &c);
    }
    if (rc == 0 && c.open)  /* the document ends inside a chunk */
        rc = split_chunk(tok, s + c.start, t + c.start, len - c.start, c.special, c.high);
    return rc;
}

