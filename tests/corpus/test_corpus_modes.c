/* test_corpus_modes.c: corpora made of a file's lines or of a list of files, joined to the
 * corpus suite. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "corpus_fixture.h"
#include "nmftopics/corpus.h"
#include "nt_test.h"

void corpus_add_mode_tests(TCase *core, TCase *edge);

START_TEST(lines_mode)
{
    nt_test_write_file(NULL, "lines.txt", "one\n\nthree\r\n \nlast");
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_lines(nt_test_path(NULL, "lines.txt"), NULL, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 5);
    char name[600];
    snprintf(name, sizeof name, "%s:2", nt_test_path(NULL, "lines.txt"));
    ck_assert_str_eq(nt_corpus_name(c, 1), name);
    const char *expected[] = {"one", "", "three", " ", "last"};
    nt_buffer buf = {0};
    for (size_t i = 0; i < 5; i++) {
        ck_assert_int_eq(nt_corpus_read(c, i, &buf, NULL), NT_OK);
        ck_assert_str_eq(buf.data, expected[i]);
        ck_assert_uint_eq(buf.len, strlen(expected[i]));
    }
    nt_corpus_free(c);
    /* A final newline does not add an empty document; a lone newline is one. */
    nt_test_write_file(NULL, "lines.txt", "x\n");
    ck_assert_int_eq(nt_corpus_open_lines(nt_test_path(NULL, "lines.txt"), NULL, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 1);
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, NULL), NT_OK);
    ck_assert_str_eq(buf.data, "x");
    nt_corpus_free(c);
    nt_test_write_file(NULL, "lines.txt", "\n");
    ck_assert_int_eq(nt_corpus_open_lines(nt_test_path(NULL, "lines.txt"), NULL, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 1);
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, NULL), NT_OK);
    ck_assert_uint_eq(buf.len, 0);
    nt_corpus_free(c);
    nt_buffer_free(&buf);
    unlink(nt_test_path(NULL, "lines.txt"));
}
END_TEST

START_TEST(lines_across_read_blocks)
{
    /* 30000 lines of 0..12 characters: line starts cross the 64 KiB scan blocks. */
    FILE *fp = fopen(nt_test_path(NULL, "many.txt"), "w");
    for (int i = 0; i < 30000; i++)
        fprintf(fp, "%.*s\n", i % 13, "abcdefghijklm");
    fwrite("z\0z\n", 1, 4, fp); /* "z", NUL, "z": a binary line */
    fclose(fp);
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_lines(nt_test_path(NULL, "many.txt"), NULL, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 30001);
    nt_buffer buf = {0};
    for (size_t i = 0; i < 30000; i += 7) {
        ck_assert_int_eq(nt_corpus_read(c, i, &buf, NULL), NT_OK);
        ck_assert_uint_eq(buf.len, i % 13);
        ck_assert_int_eq(strncmp(buf.data, "abcdefghijklm", buf.len), 0);
    }
    ck_assert_int_eq(nt_corpus_read(c, 29999, &buf, NULL), NT_OK);
    ck_assert_uint_eq(buf.len, 29999 % 13);
    ck_assert_int_eq(nt_corpus_read(c, 30000, &buf, NULL), NT_CORPUS_BINARY);
    ck_assert_uint_eq(buf.len, 3);
    nt_buffer_free(&buf);
    nt_corpus_free(c);
    unlink(nt_test_path(NULL, "many.txt"));
}
END_TEST

START_TEST(file_list_mode)
{
    const char *root = nt_test_tmpdir();
    char list[1200];
    snprintf(list, sizeof list, "%s/docs/b.txt\r\n\n%s/docs/missing.txt\n%s/docs/.hidden.txt\n"
             "%s/docs/a\n", root, root, root, root);
    const char *path = nt_test_write_file(NULL, "list.txt", list);
    log_record log = {0};
    nt_hooks hooks = {.log = record_log, .user = &log};
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_file_list(path, &hooks, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 2);
    ck_assert_str_eq(nt_corpus_name(c, 1), nt_test_path(root, "docs/.hidden.txt"));
    const nt_corpus_stats *st = nt_corpus_stats_get(c);
    ck_assert_uint_eq(st->skipped_unreadable, 1);
    ck_assert_uint_eq(st->skipped_special, 1);
    ck_assert_int_eq(log.warnings, 2);
    ck_assert_ptr_nonnull(strstr(log.last, "docs/a"));
    nt_buffer buf = {0};
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, NULL), NT_OK);
    ck_assert_str_eq(buf.data, "second");
    nt_buffer_free(&buf);
    nt_corpus_free(c);
    unlink(path);
}
END_TEST

void corpus_add_mode_tests(TCase *core, TCase *edge)
{
    NT_TEST_ADD(core, lines_mode, file_list_mode);
    NT_TEST_ADD(edge, lines_across_read_blocks);
}
