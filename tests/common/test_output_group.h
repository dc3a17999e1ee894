/* test_output_group.h: the output-group tests, added to the common suite's test cases. */
#ifndef NT_TEST_OUTPUT_GROUP_H
#define NT_TEST_OUTPUT_GROUP_H

#include "nt_test.h"

/* Adds the tests to the suite's three test cases; each works in its own folder under the
 * scratch folder. */
void add_output_group_tests(const nt_test_cases *tc);

#endif
