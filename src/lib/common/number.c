/* number.c: locale-independent number text; printf does the digits, then its decimal point
 * is replaced, which needs no locale object and cannot fail. Reading switches the calling
 * thread to a C locale object for the call. */
#define _POSIX_C_SOURCE 200809L
#include "common/number.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
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

static locale_t c_numbers;  /* made once; (locale_t)0 if that failed */
static pthread_once_t c_numbers_once = PTHREAD_ONCE_INIT;

static void make_c_numbers(void)
{
    c_numbers = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

/* The C locale object, or (locale_t)0 when it could not be made: the host's locale it is. */
static locale_t c_locale(void)
{
    pthread_once(&c_numbers_once, make_c_numbers);
    return c_numbers;
}

double nt_number_parse(const char *text, char **end)
{
    locale_t c = c_locale();
    if (c == (locale_t)0)
        return strtod(text, end);
    locale_t previous = uselocale(c);  /* this thread only */
    double v = strtod(text, end);
    uselocale(previous);
    return v;
}

int nt_number_in_c(int (*fn)(void *), void *arg)
{
    locale_t c = c_locale();
    if (c == (locale_t)0)
        return fn(arg);
    locale_t previous = uselocale(c);
    int rc = fn(arg);
    uselocale(previous);
    return rc;
}
