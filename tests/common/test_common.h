/* test_common.h: the test files of the common suite, each adding its tests. */
#ifndef NT_TEST_COMMON_H
#define NT_TEST_COMMON_H

#include "nt_test.h"

/* test_number.c: number text and JSON fields (internal headers of src/lib/common). */
void add_number_tests(const nt_test_cases *tc);

#endif
