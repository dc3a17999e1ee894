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

static char dir[] = "/tmp/nt_test_group_XXXXXX";

static void setup(void)
{
    ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/nt_test_group_XXXXXX")));
}

static void teardown(void)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.') {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (rmdir(path) != 0)
                unlink(path);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

static const char *in_dir(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", dir, name);
    return buf;
}

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The first line of path, or "" when it cannot be read. */
static const char *first_line(const char *path)
{
    static char line[64];
    line[0] = '\0';
    FILE *fp = fopen(path, "r");
    if (fp) {
        if (!fgets(line, sizeof line, fp))
            line[0] = '\0';
        fclose(fp);
    }
    return line;
}

/* Files in the test folder whose name holds ".tmp.". */
static int count_temporaries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strstr(e->d_name, ".tmp.") != NULL;
    closedir(d);
    return n;
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
    char a[256], b[256];
    in_dir(a, sizeof a, "x.W.mtx");
    in_dir(b, sizeof b, "x.H.mtx");
    put(a, "old W\n");
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    write_staged(sa, "new W\n");
    write_staged(sb, "new H\n");
    ck_assert_str_eq(first_line(a), "old W\n"); /* nothing visible before the commit */
    ck_assert_int_eq(access(b, F_OK), -1);
    ck_assert_int_eq(nt_output_group_commit(&g, NULL), NT_OK);
    ck_assert_str_eq(first_line(a), "new W\n");
    ck_assert_str_eq(first_line(b), "new H\n");
    ck_assert_int_eq(count_temporaries(), 0);
    ck_assert_uint_eq(g.count, 0);
}
END_TEST

START_TEST(group_abort_keeps_earlier_files)
{
    char a[256], b[256];
    in_dir(a, sizeof a, "t.mtx");
    in_dir(b, sizeof b, "t.terms");
    put(a, "old matrix\n");
    put(b, "old terms\n");
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    write_staged(sa, "new matrix\n");
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    nt_output_group_abort(&g); /* the second writer failed */
    ck_assert_str_eq(first_line(a), "old matrix\n");
    ck_assert_str_eq(first_line(b), "old terms\n");
    ck_assert_int_eq(count_temporaries(), 0);
    nt_output_group_abort(&g); /* twice is harmless */
}
END_TEST

START_TEST(pending_removal_takes_every_file)
{
    enum { N = 150 }; /* well above the 64 slots the registry once had */
    nt_output outs[N];
    for (int i = 0; i < N; i++) {
        char path[256], name[32];
        snprintf(name, sizeof name, "f%03d", i);
        ck_assert_int_eq(nt_output_open(&outs[i], in_dir(path, sizeof path, name), NULL), NT_OK);
        fclose(outs[i].fp);
        outs[i].fp = NULL;
    }
    ck_assert_int_eq(count_temporaries(), N);
    nt_output_remove_pending(); /* what the signal handler does */
    ck_assert_int_eq(count_temporaries(), 0);
    for (int i = 0; i < N; i++)
        nt_output_abort(&outs[i]);
}
END_TEST

START_TEST(pending_removal_takes_staged_files)
{
    char a[256];
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa;
    ck_assert_int_eq(nt_output_group_add(&g, in_dir(a, sizeof a, "r.json"), &sa, NULL), NT_OK);
    write_staged(sa, "{}\n");
    ck_assert_int_eq(count_temporaries(), 1);
    nt_output_remove_pending();
    ck_assert_int_eq(count_temporaries(), 0);
    ck_assert_int_eq(access(a, F_OK), -1);
    nt_output_group_abort(&g);
}
END_TEST

START_TEST(group_refuses_a_folder_as_target)
{
    char a[256], b[256];
    in_dir(a, sizeof a, "topics.tsv");
    in_dir(b, sizeof b, "report.json");
    put(a, "old topics\n");
    ck_assert_int_eq(mkdir(b, 0777), 0);
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, NULL), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, NULL), NT_OK);
    write_staged(sa, "new topics\n");
    write_staged(sb, "{}\n");
    nt_error err;
    ck_assert_int_eq(nt_output_group_commit(&g, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, b));
    ck_assert_ptr_nonnull(strstr(err.message, "folder"));
    ck_assert_str_eq(first_line(a), "old topics\n");
    ck_assert_int_eq(count_temporaries(), 0);
}
END_TEST

START_TEST(group_add_fails_in_missing_folder)
{
    char a[256], b[256];
    in_dir(a, sizeof a, "p.tsv");
    in_dir(b, sizeof b, "missing/p.json");
    nt_output_group g;
    nt_output_group_init(&g);
    const char *sa, *sb = "unset";
    nt_error err;
    ck_assert_int_eq(nt_output_group_add(&g, a, &sa, &err), NT_OK);
    ck_assert_int_eq(nt_output_group_add(&g, b, &sb, &err), NT_EIO);
    ck_assert_ptr_null(sb);
    ck_assert_ptr_nonnull(strstr(err.message, b));
    nt_output_group_abort(&g);
    ck_assert_int_eq(count_temporaries(), 0);
    ck_assert_int_eq(access(a, F_OK), -1);
}
END_TEST

void add_output_group_tests(TCase *core, TCase *edge, TCase *errors)
{
    TCase *all[] = {core, edge, errors};
    for (int i = 0; i < 3; i++)
        tcase_add_checked_fixture(all[i], setup, teardown);
    tcase_add_test(core, group_commit_replaces_every_file);
    tcase_add_test(edge, group_abort_keeps_earlier_files);
    tcase_add_test(edge, pending_removal_takes_every_file);
    tcase_add_test(edge, pending_removal_takes_staged_files);
    tcase_add_test(errors, group_refuses_a_folder_as_target);
    tcase_add_test(errors, group_add_fails_in_missing_folder);
}
