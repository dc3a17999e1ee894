/* nt_test_locale.c: switching a test to a locale that writes "0,5", to show that output
 * meant for programs does not follow LC_NUMERIC. */
#include <locale.h>
#include <stdio.h>

#include "nt_test.h"

void nt_test_comma_locale(const char *name)
{
    ck_assert_msg(setlocale(LC_NUMERIC, name) != NULL,
                  "locale %s is not available (LOCPATH, package locales)", name);
    char text[16];
    snprintf(text, sizeof text, "%g", 0.5);
    ck_assert_msg(strcmp(text, "0,5") == 0, "locale %s writes 0.5 as '%s', not '0,5'", name,
                  text);
}
