/* test_nnls.c: the nnls suite: block principal pivoting NNLS (core, edge and errors tcases). */
#include <check.h>

#include "nnls_fixtures.h"

int main(void)
{
    nt_test_cases tc;
    Suite *s = nt_test_suite("nnls", &tc);
    nnls_add_core_tests(tc.core);
    nnls_add_edge_tests(tc.edge);
    nnls_add_error_tests(tc.errors);
    return nt_test_main(s);
}
