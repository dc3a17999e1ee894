/* number.c: locale-independent number text; printf does the digits, then its decimal point
 * is replaced, which needs no locale object and cannot fail. */
#include "common/number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int number_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E';
}

size_t nt_number_c_point(char *text)
{
    char *in = text, *out = text;
    while (*in) {
        if (number_char(*in)) {
            *out++ = *in++;
        } else {
            *out++ = '.';
            while (*in && !number_char(*in))
                in++;
        }
    }
    *out = '\0';
    return (size_t)(out - text);
}

/* "%.*g" in the current locale; inf and nan carry no decimal point and stay as printf
 * writes them. */
static size_t locale_g(char *buf, int digits, double v)
{
    int len = snprintf(buf, NT_NUMBER_MAX, "%.*g", digits, v);
    return len > 0 ? (size_t)len : 0;
}

size_t nt_number_g(char *buf, int digits, double v)
{
    size_t len = locale_g(buf, digits, v);
    return isfinite(v) ? nt_number_c_point(buf) : len;
}

size_t nt_number_shortest(char *buf, double v)
{
    /* strtod reads the text in the same locale printf wrote it in, so the test is exact
     * before the decimal point is replaced. */
    size_t len = 0;
    for (int digits = 15; digits <= 17; digits++) {
        len = locale_g(buf, digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return isfinite(v) ? nt_number_c_point(buf) : len;
}
