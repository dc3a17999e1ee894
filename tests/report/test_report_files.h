/* test_report_files.h: the JSON and output-folder tests, added to the report suite's test
 * cases. */
#ifndef NT_TEST_REPORT_FILES_H
#define NT_TEST_REPORT_FILES_H

#include "nt_test.h"

/* Adds the tests to the suite's three test cases (one more in edge when the build made a
 * comma-decimal locale); the folder tests write into the scratch folder. */
void add_report_file_tests(const nt_test_cases *tc);

#endif
