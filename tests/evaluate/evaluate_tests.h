/* evaluate_tests.h: what the files of the evaluate suite share. */
#ifndef NT_TEST_EVALUATE_TESTS_H
#define NT_TEST_EVALUATE_TESTS_H

#include <check.h>

/* Writes text to a new file in the scratch folder and returns its path (static storage). */
const char *temp_file(const char *text);

void labels_add_core_tests(TCase *core);     /* test_labels.c */
void labels_add_error_tests(TCase *errors);  /* test_labels.c */

#endif
