/* test_labels.c: reading labels files: header, blank lines, CRLF, fields, unknown names,
 * and the format errors. */
#include <stdlib.h>
#include <string.h>

#include "evaluate_tests.h"
#include "nmftopics/evaluate.h"
#include "nt_test.h"

static const char *const names[4] = {"a/one.txt", "a/two.txt", "b/three.txt", "four.txt"};

static nt_labels *read_ok(const char *text, size_t column)
{
    nt_labels *l = NULL;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_msg(nt_labels_read(temp_file(text), column, names, 4, &l, &err) == NT_OK,
                  "labels: %s", err.message);
    return l;
}

/* A header (its name is no document), a blank line, CRLF endings and extra fields; a name
 * that is no document is counted; an unnamed document stays unlabelled; classes are
 * numbered in order of appearance. */
START_TEST(labels_match_documents_by_name)
{
    nt_labels *l = read_ok("file\tclass\textra\r\n"
                           "b/three.txt\tspam\t2001\r\n"
                           "\n"
                           "a/one.txt\tham\r\n"
                           "ghost.txt\tham\r\n"
                           "four.txt\tspam\n", 2);
    ck_assert_int_eq(l->header, 1);
    ck_assert_uint_eq(l->labelled, 3);
    ck_assert_uint_eq(l->nclasses, 2);
    ck_assert_str_eq(l->classes[0], "spam");
    ck_assert_str_eq(l->classes[1], "ham");
    const int want[4] = {1, -1, 0, 0};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(l->label[i], want[i]);
    ck_assert_uint_eq(l->unknown, 1);
    ck_assert_str_eq(l->first_unknown, "ghost.txt");
    nt_labels_free(l);
}
END_TEST

/* No header when the first name is a document; --label-column picks a later field. */
START_TEST(first_line_and_column)
{
    nt_labels *l = read_ok("a/two.txt\tx\t1990\na/one.txt\ty\t1990\nfour.txt\tz\t2000\n", 3);
    ck_assert_int_eq(l->header, 0);
    ck_assert_uint_eq(l->nclasses, 2);
    ck_assert_str_eq(l->classes[0], "1990");
    ck_assert_int_eq(l->label[0], 0);
    ck_assert_int_eq(l->label[1], 0);
    ck_assert_int_eq(l->label[3], 1);
    nt_labels_free(l);
}
END_TEST

void labels_add_core_tests(TCase *core)
{
    NT_TEST_ADD(core, labels_match_documents_by_name, first_line_and_column);
}

static void expect_error(const char *path, size_t column, int status, const char *needle)
{
    nt_labels *l = (nt_labels *)1;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(nt_labels_read(path, column, names, 4, &l, &err), status);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(err.message, needle), "message '%s' lacks '%s'", err.message, needle);
}

/* Each bad file is named with its line; a missing file with the system's reason. */
START_TEST(bad_files_are_named)
{
    expect_error("/nonexistent/labels.tsv", 2, NT_EIO,
                 "cannot open labels file /nonexistent/labels.tsv: No such file");
    expect_error(temp_file("a/one.txt\tx\na/two.txt\n"), 2, NT_EFORMAT,
                 ", line 2: no label in field 2 (lines are NAME<TAB>LABEL)");
    expect_error(temp_file("a/one.txt\tx\na/two.txt\t\n"), 2, NT_EFORMAT,
                 ", line 2: the label of 'a/two.txt' is empty");
    expect_error(temp_file("a/one.txt\tx\n\nfour.txt\ty\na/one.txt\tz\n"), 2, NT_EFORMAT,
                 ", line 4: document 'a/one.txt' is already labelled on line 1");
    expect_error(temp_file("name\tlabel\none.txt\tx\n"), 2, NT_EEMPTY,
                 "labels none of the 4 documents (names are paths below the folder; e.g. "
                 "'one.txt' is none)");
    expect_error(temp_file("a/one.txt\tx\n"), 1, NT_EINVAL, "label column 1");
}
END_TEST

void labels_add_error_tests(TCase *errors)
{
    NT_TEST_ADD(errors, bad_files_are_named);
}
