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

/* The 1 to 7 bytes at s as a word, without a call to memcpy of variable length:
 * two overlapping 4-byte loads, or three single bytes. Different tails of the same
 * length give different words, which is all the hash needs. */
static inline uint64_t nt_strtab_tail(const char *s, size_t n)
{
    uint32_t a, b;
    if (n >= 4) {
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return a | (uint64_t)b << 32;
    }
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
           (uint64_t)(unsigned char)s[n - 1] << 16;
}

/* Whether the n <= 16 bytes at a and b are equal, comparing two overlapping words that
 * together cover all n bytes (or three single bytes for n < 4): no call to memcmp. */
static inline int nt_strtab_equal_short(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        uint64_t x0, x1, y0, y1;
        memcpy(&x0, a, 8);
        memcpy(&y0, b, 8);
        memcpy(&x1, a + n - 8, 8);
        memcpy(&y1, b + n - 8, 8);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    return n == 0 || nt_strtab_tail(a, n) == nt_strtab_tail(b, n);
}

/* A 64-bit hash of len bytes: word-at-a-time multiply-xorshift with a final avalanche
 * (the finaliser of MurmurHash3), fast for the short keys tokens are. */
static inline uint64_t nt_strtab_hash(const char *s, size_t len)
{
    const uint64_t k = 0x9e3779b97f4a7c15u;
    uint64_t h = 0x243f6a8885a308d3u ^ (len * k);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (i < len) {
        h = (h ^ nt_strtab_tail(s + i, len - i)) * k;
        h ^= h >> 29;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
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
