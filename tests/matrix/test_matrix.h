/* test_matrix.h: the test cases of the matrix suite kept in other files. */
#ifndef NT_TEST_MATRIX_H
#define NT_TEST_MATRIX_H

#include <check.h>

/* Number formatting of the Matrix Market writers (test_decimal.c). */
void add_decimal_tests(TCase *core, TCase *edge);

#endif
