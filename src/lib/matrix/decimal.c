/* decimal.c: integers and doubles as decimal text. printf's "%.17g" spends most of its time
 * in multi-precision arithmetic and format parsing (two thirds of `nmftopics tfidf` went to
 * it); for the doubles a matrix holds, 17 digits fit a 128-bit integer computation. */
#include "matrix/decimal.h"

#include <string.h>

#include "common/number.h"

_Static_assert(NT_NUMBER_MAX <= NT_DECIMAL_MAX, "nt_number_g must fit a decimal's room");

typedef unsigned __int128 u128;

static const uint64_t pow10_64[20] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
    1000000000u, 10000000000u, 100000000000u, 1000000000000u, 10000000000000u,
    100000000000000u, 1000000000000000u, 10000000000000000u, 100000000000000000u,
    1000000000000000000u, 10000000000000000000u};

/* "00" "01" ... "99": two digits per division. */
static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* The four digits of v < 10000, with leading zeros. */
static void put4(char *out, uint32_t v)
{
    memcpy(out, pairs + 2 * (v / 100), 2);
    memcpy(out + 2, pairs + 2 * (v % 100), 2);
}

char *nt_decimal_uint(char *out, uint64_t v)
{
    char digits[20];
    char *p = digits + sizeof digits;
    for (; v >= 100; v /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (v % 100), 2);
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    size_t n = (size_t)(digits + sizeof digits - p);
    memcpy(out, p, n);
    return out + n;
}

/* 10^k for k <= 38. */
static u128 pow10_128(int k)
{
    return k < 20 ? pow10_64[k] : (u128)pow10_64[19] * pow10_64[k - 19];
}

/* The 17 significant digits of v = m * 2^-s (m < 2^53, 0 < s < 128), rounded half to even
 * as glibc's printf rounds, with v's decimal exponent in *exp10: v ~ q * 10^(*exp10 - 16).
 * Returns 0 when v is outside the range the 128-bit product covers. */
static int digits17(uint64_t m, int s, uint64_t *q, int *exp10)
{
    /* floor((52 - s) * log10(2)), possibly one off: corrected below. */
    int x = (int)(((long)(52 - s) * 78913) >> 18);
    for (int tries = 0; tries < 3; tries++) {
        int k = 16 - x;  /* v * 10^k has 17 digits before the point */
        if (k < 0 || k > 22)  /* m * 10^22 < 2^127 */
            return 0;
        u128 n = (u128)m * pow10_128(k);
        uint64_t whole = (uint64_t)(n >> s);
        if (whole >= pow10_64[17]) {
            x++;
            continue;
        }
        if (whole < pow10_64[16]) {
            x--;
            continue;
        }
        u128 rest = n & (((u128)1 << s) - 1), half = (u128)1 << (s - 1);
        if (rest > half || (rest == half && (whole & 1)))
            whole++;
        if (whole == pow10_64[17]) {  /* 9.99...95 rounded up to the next power of ten */
            whole = pow10_64[16];
            x++;
        }
        *q = whole;
        *exp10 = x;
        return 1;
    }
    return 0;
}

/* The %g layout of the digits of q (17 of them, trailing zeros dropped) at exponent x.
 * Digits are moved by copies of fixed size, which compile to a few moves where copies of
 * the exact length would call memcpy; the bytes written past the end are scratch. */
static char *layout_g17(char *out, uint64_t q, int x)
{
    char d[33];  /* the digits, then room for the fixed-size copies of a tail */
    uint32_t high = (uint32_t)(q / 100000000u), low = (uint32_t)(q % 100000000u);
    d[0] = (char)('0' + high / 100000000u);  /* q < 10^17: 9 + 8 digits */
    high %= 100000000u;
    put4(d + 1, high / 10000);
    put4(d + 5, high % 10000);
    put4(d + 9, low / 10000);
    put4(d + 13, low % 10000);
    memset(d + 17, '0', 16);
    int nd = 17;
    while (nd > 1 && d[nd - 1] == '0')
        nd--;
    if (x < -4) {  /* %e style: d.ddde-XX */
        out[0] = d[0];
        out[1] = '.';
        memcpy(out + 2, d + 1, 16);
        out += nd > 1 ? nd + 1 : 1;
        *out++ = 'e';
        *out++ = '-';
        if (-x < 10)
            *out++ = '0';
        return nt_decimal_uint(out, (uint64_t)-x);
    }
    if (x < 0) {  /* 0.000ddd, at most three zeros */
        memcpy(out, "0.000", 5);
        memcpy(out + 1 - x, d, 17);
        return out + 1 - x + nd;
    }
    memcpy(out, d, 17);  /* the integer part, x + 1 digits, keeps its zeros */
    if (nd <= x + 1)
        return out + x + 1;
    out[x + 1] = '.';
    memcpy(out + x + 2, d + x + 1, 16);
    return out + nd + 1;
}

char *nt_decimal_g17(char *out, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7ff);
    int s = 1075 - biased;  /* v = m * 2^-s for normal numbers */
    uint64_t q;
    int x;
    /* Normal numbers below 2^53 whose digits fit the 128-bit product; every other value
     * (zero, subnormals, huge numbers, infinities, NaN) is rare enough for printf, through
     * nt_number_g so that a host program's LC_NUMERIC does not reach the file. */
    if (biased == 0 || biased == 0x7ff || s <= 0 || s >= 128 ||
        !digits17((bits & ((UINT64_C(1) << 52) - 1)) | UINT64_C(1) << 52, s, &q, &x))
        return out + nt_number_g(out, 17, v);
    if (bits >> 63)
        *out++ = '-';
    return layout_g17(out, q, x);
}
