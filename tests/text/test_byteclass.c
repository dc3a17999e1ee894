/* test_byteclass.c: the tokenizer's byte classification (internal to the text module),
 * joined to the text suite: the vectorised and the byte-at-a-time scan both against a
 * plain per-byte reference, on every byte value at every position of a block. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "nt_test.h"
#include "text/byteclass.h"

void add_byteclass_tests(const nt_test_cases *tc);

/* The masks and lowercase copy of s[0..n) as the tokenizer's documentation defines them,
 * one byte at a time with no tables. */
static void reference_scan(const unsigned char *s, size_t n, int keep_digits,
                           int keep_underscore, char *lower, nt_byte_masks *m)
{
    *m = (nt_byte_masks){0, 0, 0};
    for (size_t i = 0; i < NT_BYTE_BLOCK; i++) {
        if (i >= n) {
            m->sep |= (uint64_t)1 << i;
            continue;
        }
        unsigned c = s[i];
        int upper = c >= 'A' && c <= 'Z', letter = upper || (c >= 'a' && c <= 'z');
        int digit = c >= '0' && c <= '9', underscore = c == '_', high = c >= 0x80;
        int token = letter || (digit && keep_digits) || (underscore && keep_underscore);
        int sep = !letter && !digit && !underscore && !high;
        m->sep |= (uint64_t)sep << i;
        m->special |= (uint64_t)(!sep && !token) << i;
        m->high |= (uint64_t)high << i;
        lower[i] = (char)(upper ? c + 32 : c);
    }
}

/* Scans the block both ways and compares each with the reference. */
static void check_block(const nt_byteclass *bc, const unsigned char *s, size_t n)
{
    char want[NT_BYTE_BLOCK], got[NT_BYTE_BLOCK];
    nt_byte_masks ref, m;
    reference_scan(s, n, bc->keep_digits, bc->keep_underscore, want, &ref);
    nt_byteclass_scan_bytes(bc, s, n, got, &m);
    ck_assert_uint_eq(m.sep, ref.sep);
    ck_assert_uint_eq(m.special, ref.special);
    ck_assert_uint_eq(m.high, ref.high);
    ck_assert_int_eq(memcmp(got, want, n), 0);
    if (n < NT_BYTE_BLOCK)
        return;
    memset(got, 0, sizeof got);
    nt_byteclass_scan_block(bc, s, got, &m);
    ck_assert_uint_eq(m.sep, ref.sep);
    ck_assert_uint_eq(m.special, ref.special);
    ck_assert_uint_eq(m.high, ref.high);
    ck_assert_int_eq(memcmp(got, want, NT_BYTE_BLOCK), 0);
}

START_TEST(every_byte_at_every_position)
{
    /* Block k holds bytes k, k + 1, ...: each of the 256 values meets each of the 64
     * positions, so each lane of the 16-byte vector scan sees every value. */
    unsigned char s[NT_BYTE_BLOCK];
    for (int keep = 0; keep < 4; keep++) {
        nt_byteclass bc;
        nt_byteclass_init(&bc, keep & 1, keep >> 1);
        for (unsigned k = 0; k < 256; k++) {
            for (unsigned i = 0; i < NT_BYTE_BLOCK; i++)
                s[i] = (unsigned char)(k + i);
            check_block(&bc, s, NT_BYTE_BLOCK);
        }
    }
}
END_TEST

START_TEST(random_blocks_and_short_tails)
{
    /* Seed fixed. Half the bytes come from the edges of the ranges the scan tests, half
     * from all 256 values; tails of every length 0..63 go through the byte loop only. */
    static const unsigned char edges[] = "@AZ[`az{/09:_^\x7f\x80\xbf\xc3\xff";
    uint64_t seed = 4242;
    unsigned char s[NT_BYTE_BLOCK];
    for (int keep = 0; keep < 4; keep++) {
        nt_byteclass bc;
        nt_byteclass_init(&bc, keep & 1, keep >> 1);
        for (int round = 0; round < 2000; round++) {
            for (unsigned i = 0; i < NT_BYTE_BLOCK; i++) {
                unsigned r = (unsigned)(nt_test_uniform(&seed) * 512);
                s[i] = r < 256 ? (unsigned char)r : edges[r % (sizeof edges - 1)];
            }
            check_block(&bc, s, (size_t)round % (NT_BYTE_BLOCK + 1));
        }
    }
}
END_TEST

void add_byteclass_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, every_byte_at_every_position);
    NT_TEST_ADD(tc->edge, random_blocks_and_short_tails);
}
