/* test_number.c: number text for machine-readable files: printf's digits, always with '.'
 * (checked under a comma-decimal locale when the build could make one) and JSON fields. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/json_write.h"
#include "common/number.h"
#include "nt_test.h"
#include "test_number.h"

static const double values[] = {0.1, 0.5, 1.0 / 3.0, -2.5e-7, 123456.789, 1e300, 4.9e-324,
                                0.0, -0.0, 2.0, 1e21, 6.02214076e23};
#define NVALUES (sizeof values / sizeof values[0])

/* Fails unless nt_number_g writes what printf writes under the C locale. */
static void check_like_printf(int digits)
{
    for (size_t q = 0; q < NVALUES; q++) {
        char ours[NT_NUMBER_MAX], theirs[64];
        size_t len = nt_number_g(ours, digits, values[q]);
        snprintf(theirs, sizeof theirs, "%.*g", digits, values[q]);
        ck_assert_str_eq(ours, theirs);
        ck_assert_uint_eq(len, strlen(theirs));
    }
}

/* The shortest text reads back to the value (strtod: the C locale) and is as short as it
 * can be for 0.1 and 1/3 (16 digits). */
static void check_shortest(void)
{
    char buf[NT_NUMBER_MAX];
    for (size_t q = 0; q < NVALUES; q++) {
        nt_number_shortest(buf, values[q]);
        ck_assert_msg(strchr(buf, ',') == NULL, "'%s' has a comma", buf);
        ck_assert_msg(strtod(buf, NULL) == values[q], "'%s' does not read back to %a", buf,
                      values[q]);
    }
    nt_number_shortest(buf, 0.1);
    ck_assert_str_eq(buf, "0.1");
    nt_number_shortest(buf, 1.0 / 3.0);
    ck_assert_str_eq(buf, "0.3333333333333333");
}

/* nt_json_field's text for name and v. */
static char *json_field_text(const char *name, double v)
{
    char *text = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(fp);
    nt_json_field(fp, name, v, "}");
    ck_assert_int_eq(fclose(fp), 0);
    return text;
}

START_TEST(numbers_are_written_as_printf_writes_them_in_c)
{
    check_like_printf(6);
    check_like_printf(15);
    check_like_printf(17);
    check_shortest();
    char *text = json_field_text("share", 0.25);
    ck_assert_str_eq(text, "\"share\": 0.25}");
    free(text);
}
END_TEST

START_TEST(locale_decimal_points_become_dots)
{
    /* What printf writes in de_DE, in fa_IR (U+066B ARABIC DECIMAL SEPARATOR) and in C. */
    char comma[] = "-1,25e-07", arabic[] = "3\xd9\xab" "5", plain[] = "1e+300",
         integer[] = "42";
    ck_assert_uint_eq(nt_number_c_point(comma), 9);
    ck_assert_str_eq(comma, "-1.25e-07");
    ck_assert_uint_eq(nt_number_c_point(arabic), 3);
    ck_assert_str_eq(arabic, "3.5");
    ck_assert_uint_eq(nt_number_c_point(plain), 6);
    ck_assert_str_eq(plain, "1e+300");
    ck_assert_uint_eq(nt_number_c_point(integer), 2);
    ck_assert_str_eq(integer, "42");
}
END_TEST

START_TEST(json_writes_null_for_values_it_cannot_hold)
{
    char *text = json_field_text("x", NAN);
    ck_assert_str_eq(text, "\"x\": null}");
    free(text);
    text = json_field_text("x", -INFINITY);
    ck_assert_str_eq(text, "\"x\": null}");
    free(text);
    char buf[NT_NUMBER_MAX];
    nt_number_g(buf, 6, INFINITY);
    ck_assert_str_eq(buf, "inf");
}
END_TEST

#ifdef NT_TEST_COMMA_LOCALE
/* Every number comes out as it does in the C locale. */
START_TEST(comma_locale_does_not_reach_the_numbers)
{
    char shortest[NVALUES][NT_NUMBER_MAX], g6[NVALUES][NT_NUMBER_MAX];
    nt_test_comma_locale(NT_TEST_LOCPATH, NT_TEST_COMMA_LOCALE);
    for (size_t q = 0; q < NVALUES; q++) {
        nt_number_shortest(shortest[q], values[q]);
        nt_number_g(g6[q], 6, values[q]);
    }
    char *text = json_field_text("share", 0.25);
    setlocale(LC_NUMERIC, "C");
    ck_assert_str_eq(text, "\"share\": 0.25}");
    free(text);
    for (size_t q = 0; q < NVALUES; q++) {
        char buf[NT_NUMBER_MAX];
        nt_number_shortest(buf, values[q]);
        ck_assert_str_eq(shortest[q], buf);
        nt_number_g(buf, 6, values[q]);
        ck_assert_str_eq(g6[q], buf);
    }
    ck_assert_str_eq(g6[3], "-2.5e-07");
}
END_TEST

/* Text is read as in the C locale: "0.25" is a quarter, and "0,25" stops at the comma. */
START_TEST(comma_locale_does_not_reach_the_reading)
{
    char *end_dot, *end_comma;
    nt_test_comma_locale(NT_TEST_LOCPATH, NT_TEST_COMMA_LOCALE);
    const char *dot = "0.25", *comma = "0,25";
    double with_dot = nt_number_parse(dot, &end_dot);
    double with_comma = nt_number_parse(comma, &end_comma);
    double host = strtod(comma, NULL);  /* the host's locale is in force again */
    setlocale(LC_NUMERIC, "C");
    ck_assert_double_eq(with_dot, 0.25);
    ck_assert_ptr_eq(end_dot, dot + 4);
    ck_assert_double_eq(with_comma, 0.0);
    ck_assert_ptr_eq(end_comma, comma + 1);
    ck_assert_double_eq(host, 0.25);
}
END_TEST
#endif

void add_number_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, numbers_are_written_as_printf_writes_them_in_c);
    NT_TEST_ADD(tc->edge, locale_decimal_points_become_dots,
                json_writes_null_for_values_it_cannot_hold);
#ifdef NT_TEST_COMMA_LOCALE
    NT_TEST_ADD(tc->edge, comma_locale_does_not_reach_the_numbers,
                comma_locale_does_not_reach_the_reading);
#endif
}
