/* nt_test_locale.c: switching a test to a locale that writes "0,5", to show that output
 * meant for programs does not follow LC_NUMERIC. */
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "nt_test.h"

void nt_test_comma_locale(const char *locpath, const char *name)
{
    ck_assert_int_eq(setenv("LOCPATH", locpath, 1), 0);
    ck_assert_msg(setlocale(LC_NUMERIC, name) != NULL, "locale %s is not in %s", name, locpath);
    char text[16];
    snprintf(text, sizeof text, "%g", 0.5);
    ck_assert_msg(strcmp(text, "0,5") == 0, "locale %s writes 0.5 as '%s', not '0,5'", name,
                  text);
}
