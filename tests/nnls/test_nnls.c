/* test_nnls.c: the nnls suite: block principal pivoting NNLS (core, edge and errors tcases). */
#include <check.h>
#include <stdlib.h>

#include "nnls_fixtures.h"

int main(void)
{
    Suite *s = suite_create("nnls");
    suite_add_tcase(s, nnls_tcase_core());
    suite_add_tcase(s, nnls_tcase_edge());
    suite_add_tcase(s, nnls_tcase_errors());
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
