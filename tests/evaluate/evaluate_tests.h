/* evaluate_tests.h: what the files of the evaluate suite share. */
#ifndef NT_TEST_EVALUATE_TESTS_H
#define NT_TEST_EVALUATE_TESTS_H

#include <check.h>

/* Writes text to a new temporary file and returns its path (static storage). */
const char *temp_file(const char *text);

void labels_add_core_tests(TCase *core);  /* test_labels.c */
TCase *labels_tcase_errors(void);         /* test_labels.c */

#endif
