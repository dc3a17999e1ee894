/* test_split.h: the tests of common/split.h, added to the common suite's test cases. */
#ifndef NT_TEST_SPLIT_H
#define NT_TEST_SPLIT_H

#include "nt_test.h"

void add_split_tests(const nt_test_cases *tc);

#endif
