/* test_output_group.c: output sets renamed into place together, and the registry of
 * temporary files that a signal handler clears. */
#define _POSIX_C_SOURCE 200809L
#include "test_output_group.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nmftopics/output.h"

/* A fresh folder for one test under the scratch folder, copied into buf (the helpers'
 * paths live in buffers used in turn). */
static void make_folder(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s", nt_test_make_dir(NULL, name));
}

/* Removes a test's folder, so that the suite's other tests find the scratch folder as
 * they left it. */
static void remove_folder(const char *dir)
{
    ck_assert_int_eq(nt_test_remove_tree(dir), 0);
}

/* Files in dir whose name holds ".tmp.". */
static int count_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
}

/* Fails the test unless the file at path holds exactly text. */
static void assert_content(const char *path, const char *text)
{
    char *got = nt_test_read_file(path);
    ck_assert_str_eq(got, text);
    free(got);
}

/* Writes text to the staged name the way the library's path writers do. */
static void write_staged(const char *staged, const char *text)
{
    nt_output out;
    ck_assert_int_eq(nt_output_open(&out, staged, NULL), NT_OK);
    fputs(text, out.fp);
    ck_assert_int_eq(nt_output_commit(&out, NULL), NT_OK);
}

START_TEST(group_commit_replaces_every_file)
{
    char dir[512];
    make_folder(dir, sizeof dir, "commit");
    char a[512], b[512];
    snprintf(a, sizeof a, "%s", nt_test_write_file(dir, "x.W.mtx", "old W\n"));
    snprintf(b, sizeof b, "%s", nt_test_path(dir, "x.H.mtx"));
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    write_staged(sa, "new W\n");
    write_staged(sb, "new H\n");
    assert_content(a, "old W\n"); /* nothing visible before the commit */
    ck_assert_int_eq(access(b, F_OK), -1);
    ck_assert_int_eq(nt_output_group_commit(&g, NULL), NT_OK);
    assert_content(a, "new W\n");
    assert_content(b, "new H\n");
    ck_assert_int_eq(count_temporaries(dir), 0);
    ck_assert_uint_eq(g.count, 0);
    remove_folder(dir);
}
END_TEST

START_TEST(group_abort_keeps_earlier_files)
{
    char dir[512];
    make_folder(dir, sizeof dir, "abort");
    char a[512], b[512];
    snprintf(a, sizeof a, "%s", nt_test_write_file(dir, "t.mtx", "old matrix\n"));
    snprintf(b, sizeof b, "%s", nt_test_write_file(dir, "t.terms", "old terms\n"));
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    write_staged(sa, "new matrix\n");
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    nt_output_group_abort(&g); /* the second writer failed */
    assert_content(a, "old matrix\n");
    assert_content(b, "old terms\n");
    ck_assert_int_eq(count_temporaries(dir), 0);
    nt_output_group_abort(&g); /* twice is harmless */
    remove_folder(dir);
}
END_TEST

START_TEST(pending_removal_takes_every_file)
{
    enum { N = 150 }; /* well above the 64 slots the registry once had */
    char dir[512];
    make_folder(dir, sizeof dir, "many");
    nt_output outs[N];
    for (int i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%03d", i);
        nt_error err;
        ck_assert_msg(nt_output_open(&outs[i], nt_test_path(dir, name), &err) == NT_OK, "%s",
                      err.message);
        fclose(outs[i].fp);
        outs[i].fp = NULL;
    }
    ck_assert_int_eq(count_temporaries(dir), N);
    nt_output_remove_pending(); /* what the signal handler does */
    ck_assert_int_eq(count_temporaries(dir), 0);
    for (int i = 0; i < N; i++)
        nt_output_abort(&outs[i]);
    remove_folder(dir);
}
END_TEST

START_TEST(pending_removal_takes_staged_files)
{
    char dir[512];
    make_folder(dir, sizeof dir, "staged");
    char a[512];
    snprintf(a, sizeof a, "%s", nt_test_path(dir, "r.json"));
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    write_staged(sa, "{}\n");
    ck_assert_int_eq(count_temporaries(dir), 1);
    nt_output_remove_pending();
    ck_assert_int_eq(count_temporaries(dir), 0);
    /* An interrupted process renames nothing: the handler has removed the staged files. */
    nt_error err;
    ck_assert_int_eq(nt_output_group_commit(&g, &err), NT_EIO);
    NT_TEST_ASSERT_CONTAINS(err.message, "interrupted");
    ck_assert_int_eq(access(a, F_OK), -1);
    remove_folder(dir);
}
END_TEST

START_TEST(group_refuses_a_folder_as_target)
{
    char dir[512];
    make_folder(dir, sizeof dir, "folder");
    char a[512], b[512];
    snprintf(a, sizeof a, "%s", nt_test_write_file(dir, "topics.tsv", "old topics\n"));
    snprintf(b, sizeof b, "%s", nt_test_make_dir(dir, "report.json"));
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    write_staged(sa, "new topics\n");
    write_staged(sb, "{}\n");
    nt_error err;
    ck_assert_int_eq(nt_output_group_commit(&g, &err), NT_EIO);
    NT_TEST_ASSERT_CONTAINS(err.message, b);
    NT_TEST_ASSERT_CONTAINS(err.message, "folder");
    assert_content(a, "old topics\n");
    ck_assert_int_eq(count_temporaries(dir), 0);
    remove_folder(dir);
}
END_TEST

START_TEST(group_add_fails_in_missing_folder)
{
    char dir[512];
    make_folder(dir, sizeof dir, "missing");
    char a[512], b[512];
    snprintf(a, sizeof a, "%s", nt_test_path(dir, "p.tsv"));
    snprintf(b, sizeof b, "%s", nt_test_path(dir, "absent/p.json"));
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb = "unset";
    nt_error err;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, &err), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, &err), NT_EIO);
    ck_assert_ptr_null(sb);
    NT_TEST_ASSERT_CONTAINS(err.message, b);
    nt_output_group_abort(&g);
    ck_assert_int_eq(count_temporaries(dir), 0);
    ck_assert_int_eq(access(a, F_OK), -1);
    remove_folder(dir);
}
END_TEST

void add_output_group_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, group_commit_replaces_every_file);
    NT_TEST_ADD(tc->edge, group_abort_keeps_earlier_files, pending_removal_takes_every_file,
                pending_removal_takes_staged_files);
    NT_TEST_ADD(tc->errors, group_refuses_a_folder_as_target, group_add_fails_in_missing_folder);
}
