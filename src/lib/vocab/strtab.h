/* strtab.h: an interning table of byte strings with dense ids (internal to vocab and dtm). */
#ifndef NT_VOCAB_STRTAB_H
#define NT_VOCAB_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Open addressing with linear probing. A slot keeps the lower half of the key's hash
 * beside its id: most mismatches are rejected without touching the string arena, and
 * growing the table re-places every slot from it, walking the old slots in order, without
 * reading a single string (tables reach millions of keys; random reads would dominate).
 * Strings are stored NUL-terminated, back to back, in one arena: no allocation per key. */
typedef struct nt_strtab_slot {
    uint32_t tag;  /* lower 32 bits of the hash; the slot index is taken from them */
    int32_t id;    /* -1 when empty */
} nt_strtab_slot;

typedef struct nt_strtab {
    nt_strtab_slot *slots;  /* size slot_cap, a power of two */
    size_t *offsets;        /* size n + 1: string id starts at bytes + offsets[id] */
    char *bytes;            /* size bytes_cap: the strings, each followed by a NUL */
    size_t n;               /* strings interned */
    size_t id_cap;          /* capacity of offsets, minus one */
    size_t slot_cap;
    size_t bytes_cap;
} nt_strtab;

/* The 8 bytes at s as a little-endian number, whatever the machine's byte order, so that
 * "the first n bytes" are always the low 8n bits. */
static inline uint64_t nt_strtab_load8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* Keeps the low n <= 8 bytes of w: one load of a mask (a shift by 8n is undefined at
 * n = 8, and shifts by a variable amount cost more than the load). */
static inline uint64_t nt_strtab_keep(uint64_t w, size_t n)
{
    static const uint64_t low_bytes[9] = {
        0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
        0xFFFFFFFFFFFFFFFF};
    return w & low_bytes[n];
}

/* The 1 to 7 bytes at s as a little-endian number, reading none past them and calling no
 * memcpy of variable length: two overlapping 4-byte loads (their common bytes agree), or
 * single bytes. */
static inline uint64_t nt_strtab_tail(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 4) {
        uint64_t lo = (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
                      (uint64_t)u[3] << 24;
        const unsigned char *e = u + n - 4;
        uint64_t hi = (uint64_t)e[0] | (uint64_t)e[1] << 8 | (uint64_t)e[2] << 16 |
                      (uint64_t)e[3] << 24;
        return lo | hi << 8 * (n - 4);
    }
    return (uint64_t)u[0] | (uint64_t)(n > 1 ? u[1] : 0) << 8 |
           (uint64_t)(n > 2 ? u[2] : 0) << 16;
}

static inline uint64_t nt_strtab_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15u;
    return h ^ h >> 29;
}

/* The final avalanche (the finaliser of MurmurHash3). */
static inline uint64_t nt_strtab_finish(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    return h ^ h >> 33;
}

/* A 64-bit hash of len bytes, fast for the short keys tokens are: the bytes are cut into
 * little-endian words of 8, the last one zero-padded, and at least two words are taken
 * (zero words when len <= 8), each mixed in by multiply-xorshift, then avalanched. Taking
 * two words always lets nt_strtab_hash_padded hash the common short keys without a
 * branch. */
static inline uint64_t nt_strtab_hash(const char *s, size_t len)
{
    uint64_t h = 0x243f6a8885a308d3u ^ (len * 0x9e3779b97f4a7c15u);
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        h = nt_strtab_mix(h, nt_strtab_load8(s + i));
    if (i < len) {
        h = nt_strtab_mix(h, nt_strtab_tail(s + i, len - i));
        i += 8;
    }
    for (; i < 16; i += 8)
        h = nt_strtab_mix(h, 0);
    return nt_strtab_finish(h);
}

/* nt_strtab_hash of the len bytes at s, where at least 16 bytes can be read from s (what
 * lies past len does not matter): keys up to 16 bytes are two masked loads. */
static inline uint64_t nt_strtab_hash_padded(const char *s, size_t len)
{
    if (len > 16)
        return nt_strtab_hash(s, len);
    uint64_t h = 0x243f6a8885a308d3u ^ (len * 0x9e3779b97f4a7c15u);
    h = nt_strtab_mix(h, nt_strtab_keep(nt_strtab_load8(s), len < 8 ? len : 8));
    h = nt_strtab_mix(h, nt_strtab_keep(nt_strtab_load8(s + 8), len > 8 ? len - 8 : 0));
    return nt_strtab_finish(h);
}

/* Prepares an empty table; returns 0 or NT_ENOMEM. */
int nt_strtab_init(nt_strtab *t);

/* Releases t's storage; t may be NULL or zeroed. */
void nt_strtab_free(nt_strtab *t);

/* Stores *id for the len bytes at s, adding them when new. Returns 1 when added, 0 when
 * already present, NT_ENOMEM (nothing added) or NT_EINVAL past INT32_MAX strings. */
int nt_strtab_intern(nt_strtab *t, const char *s, size_t len, uint64_t hash, int *id);

/* The NUL-terminated string with this id, valid until the next intern. */
static inline const char *nt_strtab_str(const nt_strtab *t, int id)
{
    return t->bytes + t->offsets[id];
}

/* Its length in bytes, excluding the NUL. */
static inline size_t nt_strtab_len(const nt_strtab *t, int id)
{
    return t->offsets[id + 1] - t->offsets[id] - 1;
}

#endif
