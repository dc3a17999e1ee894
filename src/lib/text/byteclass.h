/* byteclass.h: the tokenizer's byte classes, and bit masks of them for 64 bytes at a time. */
#ifndef NT_TEXT_BYTECLASS_H
#define NT_TEXT_BYTECLASS_H

#include <stddef.h>
#include <stdint.h>

/* Classes of bytes for one token pattern: NT_BYTE_SEP is an ASCII byte outside every
 * pattern (space, punctuation); NT_BYTE_TOKEN an ASCII byte the pattern keeps (letters
 * always, digits and '_' when it says so); NT_BYTE_SPLIT an ASCII word byte it does not
 * keep (a digit for letters-only tokens); NT_BYTE_HIGH a byte of a non-ASCII character. */
enum { NT_BYTE_SEP = 0, NT_BYTE_TOKEN = 1, NT_BYTE_SPLIT = 2, NT_BYTE_HIGH = 4 };

#define NT_BYTE_BLOCK 64  /* bytes a set of masks describes: one bit each */

typedef struct nt_byteclass {
    unsigned char of[256];   /* NT_BYTE_* class of every byte */
    int keep_digits;         /* digits are NT_BYTE_TOKEN (else NT_BYTE_SPLIT) */
    int keep_underscore;     /* '_' is NT_BYTE_TOKEN (else NT_BYTE_SPLIT) */
} nt_byteclass;

/* Bit i of each mask describes byte i of a block. */
typedef struct nt_byte_masks {
    uint64_t sep;      /* NT_BYTE_SEP bytes, and the bits past the end of a short block */
    uint64_t special;  /* NT_BYTE_SPLIT and NT_BYTE_HIGH bytes */
    uint64_t high;     /* NT_BYTE_HIGH bytes */
} nt_byte_masks;

/* The classes of a pattern keeping letters, and digits and/or '_' as told. */
void nt_byteclass_init(nt_byteclass *bc, int keep_digits, int keep_underscore);

/* Masks of the n <= NT_BYTE_BLOCK bytes at s, and a copy of them in lower with the ASCII
 * letters lowercased, one byte at a time: the portable way, and the way for the short
 * block that ends a document. */
void nt_byteclass_scan_bytes(const nt_byteclass *bc, const unsigned char *s, size_t n,
                             char *lower, nt_byte_masks *m);

/* The same for the NT_BYTE_BLOCK bytes at s: sixteen bytes per instruction with SSE2 (the
 * x86-64 baseline), nt_byteclass_scan_bytes elsewhere; both give the same results. */
void nt_byteclass_scan_block(const nt_byteclass *bc, const unsigned char *s, char *lower,
                             nt_byte_masks *m);

#endif
