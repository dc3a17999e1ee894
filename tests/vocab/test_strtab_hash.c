/* test_strtab_hash.c: the string hash of the interning tables (internal to vocab and dtm),
 * joined to the vocab suite: its branch-free form for readable-past-the-end keys agrees
 * with the plain one, and both read exactly the key's bytes. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "nt_test.h"
#include "test_vocab.h"
#include "vocab/strtab.h"

START_TEST(padded_hash_equals_plain_hash)
{
    /* Seed fixed. Keys of 0 to 40 bytes at every offset of a buffer whose bytes past the
     * key are random: the padded hash must ignore them, and equal the plain hash of a copy
     * that ends where the key does. */
    uint64_t seed = 7;
    char buf[64], copy[40];
    for (int round = 0; round < 4000; round++) {
        for (size_t i = 0; i < sizeof buf; i++)
            buf[i] = (char)(nt_test_uniform(&seed) * 256);
        size_t len = (size_t)round % 41, at = (size_t)round / 41 % (sizeof buf - 40);
        memcpy(copy, buf + at, len);
        uint64_t plain = nt_strtab_hash(copy, len);
        ck_assert_uint_eq(nt_strtab_hash_padded(buf + at, len), plain);
        buf[at + len] ^= 1;  /* a byte past the key changes nothing */
        ck_assert_uint_eq(nt_strtab_hash_padded(buf + at, len), plain);
        if (len > 0) {       /* its last byte changes the hash */
            copy[len - 1] ^= 1;
            ck_assert_uint_ne(nt_strtab_hash(copy, len), plain);
        }
    }
}
END_TEST

START_TEST(hash_tells_zero_bytes_from_absent_ones)
{
    /* Keys are zero-padded into words, so a key and the same key with NUL bytes appended
     * fill the same words: the length, mixed in first, must still tell them apart. */
    const char zeros[17] = "abc";
    for (size_t len = 3; len < 16; len++)
        ck_assert_uint_ne(nt_strtab_hash(zeros, len), nt_strtab_hash(zeros, len + 1));
}
END_TEST

void add_hash_tests(TCase *tc)
{
    NT_TEST_ADD(tc, padded_hash_equals_plain_hash, hash_tells_zero_bytes_from_absent_ones);
}
