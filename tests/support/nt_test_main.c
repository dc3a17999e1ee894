/* nt_test_main.c: the suite skeleton, test registration and runner every Check test program
 * shares. */
#include <stdlib.h>

#include "nt_test.h"

Suite *nt_test_suite(const char *name, nt_test_cases *tc)
{
    Suite *s = suite_create(name);
    tc->core = tcase_create("core");
    tc->edge = tcase_create("edge");
    tc->errors = tcase_create("errors");
    suite_add_tcase(s, tc->core);
    suite_add_tcase(s, tc->edge);
    suite_add_tcase(s, tc->errors);
    return s;
}

void nt_test_add_list(TCase *tc, const TTest *const *tests)
{
    for (; *tests; tests++)
        tcase_add_test(tc, *tests);
}

void nt_test_fixture(const nt_test_cases *tc, SFun setup, SFun teardown)
{
    tcase_add_checked_fixture(tc->core, setup, teardown);
    tcase_add_checked_fixture(tc->edge, setup, teardown);
    tcase_add_checked_fixture(tc->errors, setup, teardown);
}

int nt_test_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    nt_test_tmpdir_seal();
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    int removed = nt_test_tmpdir_remove();
    return failed == 0 && removed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
