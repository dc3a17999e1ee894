/* test_output_group.h: the output-group tests, added to the common suite's test cases. */
#ifndef NT_TEST_OUTPUT_GROUP_H
#define NT_TEST_OUTPUT_GROUP_H

#include <check.h>

/* Adds the tests, each with its own temporary folder, to the three test cases. */
void add_output_group_tests(TCase *core, TCase *edge, TCase *errors);

#endif
