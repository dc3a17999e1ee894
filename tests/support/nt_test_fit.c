/* nt_test_fit.c: fitting in a test, where any failure is the test's. */
#include <stdlib.h>

#include "nt_test.h"
#include "nt_test_nmf.h"

nt_nmf_options nt_test_nmf_options(int algorithm, size_t k, int max_iter, double tol)
{
    nt_nmf_options o;
    nt_nmf_options_init(&o);
    o.k = k;
    o.algorithm = algorithm;
    o.max_iter = max_iter;
    o.tol = tol;
    o.threads = 1;
    return o;
}

nt_nmf_result *nt_test_fit(const nt_matrix *a, const nt_nmf_options *o)
{
    nt_nmf_result *r = NULL;
    nt_error err;
    nt_error_clear(&err);
    int rc = nt_nmf_fit(a, o, NULL, &r, &err);
    ck_assert_msg(rc == NT_OK, "fit failed: %s", err.message);
    return r;
}

void nt_test_fit_fails(const nt_matrix *a, const nt_nmf_options *o, int status,
                       const char *needle)
{
    nt_nmf_result *r = (nt_nmf_result *)1;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(nt_nmf_fit(a, o, NULL, &r, &err), status);
    ck_assert_int_eq(err.status, status);
    ck_assert_ptr_null(r);
    NT_TEST_ASSERT_CONTAINS(err.message, needle);
}
