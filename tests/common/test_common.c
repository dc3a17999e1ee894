/* test_common.c: the error record and the temporary-then-rename output files. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <string.h>
#include <unistd.h>

#include "nmftopics/error.h"
#include "nmftopics/output.h"
#include "nt_test.h"
#include "test_number.h"
#include "test_output_group.h"
#include "test_split.h"

START_TEST(error_set_formats_and_returns_status)
{
    nt_error err;
    int rc = nt_error_set(&err, NT_EINVAL, "--k: %d is too large", 7);
    ck_assert_int_eq(rc, NT_EINVAL);
    ck_assert_int_eq(err.status, NT_EINVAL);
    ck_assert_str_eq(err.message, "--k: 7 is too large");
    ck_assert_int_eq(nt_error_set(NULL, NT_EIO, "ignored"), NT_EIO);
    nt_error_clear(&err);
    ck_assert_int_eq(err.status, NT_OK);
    ck_assert_str_eq(err.message, "");
}
END_TEST

START_TEST(output_commit_renames_into_place)
{
    const char *dir = nt_test_tmpdir(), *path = nt_test_path(dir, "out.txt");
    nt_output out;
    ck_assert_int_eq(nt_output_open(&out, path, NULL), NT_OK);
    fputs("hello\n", out.fp);
    ck_assert_int_eq(access(path, F_OK), -1); /* not visible before commit */
    ck_assert_int_eq(nt_output_commit(&out, NULL), NT_OK);
    FILE *fp = fopen(path, "r");
    char line[16] = "";
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    fclose(fp);
    ck_assert_str_eq(line, "hello\n");
    ck_assert_int_eq(nt_test_count_entries(dir), 1);
    unlink(path);
}
END_TEST

START_TEST(output_abort_and_pending_removal_leave_nothing)
{
    const char *dir = nt_test_tmpdir(), *path = nt_test_path(dir, "partial.txt");
    nt_output a, b;
    ck_assert_int_eq(nt_output_open(&a, path, NULL), NT_OK);
    fputs("half", a.fp);
    nt_output_abort(&a);
    ck_assert_int_eq(nt_test_count_entries(dir), 0);
    ck_assert_int_eq(nt_output_open(&b, path, NULL), NT_OK);
    fputs("half", b.fp);
    fflush(b.fp);
    ck_assert_int_eq(nt_test_count_entries(dir), 1);
    nt_output_remove_pending(); /* what the signal handler does */
    ck_assert_int_eq(nt_test_count_entries(dir), 0);
    nt_output_abort(&b);
    /* Other threads go on until the process ends: no file they open may survive it. */
    nt_output c;
    ck_assert_int_eq(nt_output_open(&c, path, NULL), NT_EIO);
    ck_assert_int_eq(nt_test_count_entries(dir), 0);
}
END_TEST

START_TEST(output_open_fails_in_missing_folder)
{
    nt_output out;
    nt_error err;
    ck_assert_int_eq(nt_output_open(&out, "/nonexistent/dir/x.txt", &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/dir/x.txt"));
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("common", &tc);
    NT_TEST_ADD(tc.core, error_set_formats_and_returns_status, output_commit_renames_into_place);
    NT_TEST_ADD(tc.edge, output_abort_and_pending_removal_leave_nothing);
    NT_TEST_ADD(tc.errors, output_open_fails_in_missing_folder);
    add_output_group_tests(&tc);
    add_number_tests(&tc);
    add_split_tests(&tc);
    return nt_test_main(s);
}
