/* byteclass.c: classifying bytes for the tokenizer's scan, one at a time or 16 at a time. */
#include "text/byteclass.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static int is_letter(unsigned c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

void nt_byteclass_init(nt_byteclass *bc, int keep_digits, int keep_underscore)
{
    bc->keep_digits = keep_digits != 0;
    bc->keep_underscore = keep_underscore != 0;
    for (unsigned c = 0; c < 256; c++) {
        int digit = c - '0' < 10, underscore = c == '_';
        int keep = (digit && keep_digits) || (underscore && keep_underscore);
        bc->of[c] = c >= 0x80                        ? NT_BYTE_HIGH
                    : is_letter(c) || keep           ? NT_BYTE_TOKEN
                    : digit || underscore            ? NT_BYTE_SPLIT
                                                     : NT_BYTE_SEP;
    }
}

void nt_byteclass_scan_bytes(const nt_byteclass *bc, const unsigned char *s, size_t n,
                             char *lower, nt_byte_masks *m)
{
    uint64_t sep = n < NT_BYTE_BLOCK ? ~(uint64_t)0 << n : 0, special = 0, high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = bc->of[s[i]];
        sep |= (uint64_t)(c == NT_BYTE_SEP) << i;
        special |= (uint64_t)((c & (NT_BYTE_SPLIT | NT_BYTE_HIGH)) != 0) << i;
        high |= (uint64_t)(c == NT_BYTE_HIGH) << i;
        lower[i] = (char)(s[i] | is_letter(s[i]) << 5);
    }
    m->sep = sep;
    m->special = special;
    m->high = high;
}

#ifdef __SSE2__
/* Masks and lowercase copy of 16 bytes. SSE2 compares signed bytes only, so a range test
 * "x - lo < width" (unsigned) becomes x + (0x80 - lo) < -128 + width (signed): letters are
 * tested after or-ing in the lowercase bit, 'A'..'Z' landing on 'a'..'z', and no byte of
 * 0x80 or more lands in either range. Keep masks are all ones where the pattern keeps the
 * class. */
static void scan16(const unsigned char *s, char *lower, __m128i keep_digits,
                   __m128i keep_underscore, unsigned *sep, unsigned *special, unsigned *high)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i bit5 = _mm_set1_epi8(0x20);
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, bit5),
                                                 _mm_set1_epi8(0x80 - 'a')),
                                    _mm_set1_epi8(-128 + 26));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(0x80 - '0')),
                                   _mm_set1_epi8(-128 + 10));
    __m128i underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
    __m128i word = _mm_or_si128(letter, _mm_or_si128(digit, underscore));
    __m128i token = _mm_or_si128(letter, _mm_or_si128(_mm_and_si128(digit, keep_digits),
                                                      _mm_and_si128(underscore,
                                                                    keep_underscore)));
    _mm_storeu_si128((__m128i *)(void *)lower, _mm_or_si128(v, _mm_and_si128(letter, bit5)));
    *high = (unsigned)_mm_movemask_epi8(v);
    *sep = ~((unsigned)_mm_movemask_epi8(word) | *high) & 0xFFFFu;
    *special = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(token, word)) | *high;
}
#endif

void nt_byteclass_scan_block(const nt_byteclass *bc, const unsigned char *s, char *lower,
                             nt_byte_masks *m)
{
#ifdef __SSE2__
    __m128i keep_digits = _mm_set1_epi8((char)-bc->keep_digits);
    __m128i keep_underscore = _mm_set1_epi8((char)-bc->keep_underscore);
    uint64_t sep = 0, special = 0, high = 0;
    for (unsigned k = 0; k < NT_BYTE_BLOCK; k += 16) {
        unsigned sep16, special16, high16;
        scan16(s + k, lower + k, keep_digits, keep_underscore, &sep16, &special16, &high16);
        sep |= (uint64_t)sep16 << k;
        special |= (uint64_t)special16 << k;
        high |= (uint64_t)high16 << k;
    }
    m->sep = sep;
    m->special = special;
    m->high = high;
#else
    nt_byteclass_scan_bytes(bc, s, NT_BYTE_BLOCK, lower, m);
#endif
}
