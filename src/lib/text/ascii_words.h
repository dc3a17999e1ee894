/* ascii_words.h: classifying eight bytes of text at a time (SWAR: plain 64-bit arithmetic,
 * no intrinsics), for the tokenizer's scan of ASCII text (internal to text). */
#ifndef NT_TEXT_ASCII_WORDS_H
#define NT_TEXT_ASCII_WORDS_H

#include <stdint.h>
#include <string.h>

#define NT_BYTES_HIGH 0x8080808080808080u  /* bit 7 of every byte */
#define NT_BYTES_LOW7 0x7f7f7f7f7f7f7f7fu

/* The eight bytes at p as a word whose lowest byte is p[0], whatever the byte order. */
static inline uint64_t nt_ascii_load(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* Each mask below has bit 7 set in the bytes of w that are in the class, and every other
 * bit clear. Bytes are masked to 7 bits first, so no addition carries into the next byte;
 * bytes >= 0x80 are in none of the ASCII classes. */

/* 'a'..'z' and 'A'..'Z': or-ing 0x20 folds the upper case onto the lower. */
static inline uint64_t nt_ascii_letters(uint64_t w)
{
    uint64_t x = (w & NT_BYTES_LOW7) | 0x2020202020202020u;
    return (x + 0x1f1f1f1f1f1f1f1fu) & ~(x + 0x0505050505050505u) & ~w & NT_BYTES_HIGH;
}

/* '0'..'9'. */
static inline uint64_t nt_ascii_digits(uint64_t w)
{
    uint64_t x = w & NT_BYTES_LOW7;
    return (x + 0x5050505050505050u) & ~(x + 0x4646464646464646u) & ~w & NT_BYTES_HIGH;
}

/* '_': the byte that x ^ 0x5f turns into zero. */
static inline uint64_t nt_ascii_underscores(uint64_t w)
{
    uint64_t y = (w & NT_BYTES_LOW7) ^ 0x5f5f5f5f5f5f5f5fu;
    return ~((y + NT_BYTES_LOW7) | y) & ~w & NT_BYTES_HIGH;
}

/* The index of the first byte whose bit 7 is set in a nonzero mask. */
static inline unsigned nt_ascii_first(uint64_t mask)
{
    return (unsigned)__builtin_ctzll(mask) >> 3;
}

/* The bytes before the first one marked in mask (all eight when mask is 0). */
static inline uint64_t nt_ascii_before_first(uint64_t mask)
{
    return mask ? (mask & -mask) - 1 : ~(uint64_t)0;
}

#endif
