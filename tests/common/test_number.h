/* test_number.h: the number-text and JSON-field tests, added to the common suite's test
 * cases. */
#ifndef NT_TEST_NUMBER_H
#define NT_TEST_NUMBER_H

#include "nt_test.h"

/* Adds the tests of the internal common/number.h and common/json_write.h to the suite's
 * test cases (one more in edge when the build made a comma-decimal locale). */
void add_number_tests(const nt_test_cases *tc);

#endif
