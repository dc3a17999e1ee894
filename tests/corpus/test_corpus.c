/* test_corpus.c: listing the documents of a folder and reading them; the file-list and
 * lines modes are in test_corpus_modes.c and join this suite. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus_fixture.h"
#include "nmftopics/corpus.h"
#include "nt_test.h"

void corpus_add_mode_tests(TCase *core, TCase *edge);

/* The fixture: a folder "docs" exercising every rule of the walk. */
static void make_docs(void)
{
    nt_test_make_dir(NULL, "docs");
    nt_test_make_dir(NULL, "docs/a");
    nt_test_make_dir(NULL, "docs/a/m");
    nt_test_make_dir(NULL, "docs/.git");
    nt_test_write_file(NULL, "docs/Upper.txt", "upper"); /* 'U' sorts before 'a' byte-wise */
    nt_test_write_file(NULL, "docs/a/m/n.txt", "deep");
    nt_test_write_file(NULL, "docs/a/z.txt", "zed");
    nt_test_write_file(NULL, "docs/a.txt", "first");
    nt_test_write_file(NULL, "docs/b.txt", "second");
    nt_test_write_bytes(NULL, "docs/bin.dat", "ab\0cd", 5);
    nt_test_write_bytes(NULL, "docs/empty.txt", "", 0);
    nt_test_write_file(NULL, "docs/.hidden.txt", "hidden");
    nt_test_write_file(NULL, "docs/.git/config", "hidden too");
    make_link("..", "docs/a/loop");          /* a loop back to docs */
    make_link("a", "docs/link_to_a");        /* a second way into docs/a */
    make_link("nowhere", "docs/dangling");   /* cannot be stat'ed */
    const char *fifo = nt_test_path(NULL, "docs/fifo");
    if (mkfifo(fifo, 0644) != 0) /* would block a reader */
        nt_test_abort("cannot make the fifo", fifo);
}

static const char *const docs_names[] = {"Upper.txt", "a/m/n.txt", "a/z.txt", "a.txt",
                                         "b.txt", "bin.dat", "empty.txt"};

START_TEST(folder_walk_order_and_skips)
{
    log_record log = {0};
    nt_hooks hooks = {.log = record_log, .user = &log};
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "docs"), &hooks, &c, NULL), NT_OK);
    ck_assert_uint_eq(nt_corpus_count(c), 7);
    for (size_t i = 0; i < 7; i++)
        ck_assert_str_eq(nt_corpus_name(c, i), docs_names[i]);
    const nt_corpus_stats *st = nt_corpus_stats_get(c);
    ck_assert_uint_eq(st->documents, 7);
    ck_assert_uint_eq(st->skipped_hidden, 2);
    ck_assert_uint_eq(st->skipped_repeated, 2);
    ck_assert_uint_eq(st->skipped_unreadable, 1);
    ck_assert_uint_eq(st->skipped_special, 1);
    ck_assert_int_eq(log.warnings, 4); /* hidden entries are not logged */
    ck_assert_ptr_nonnull(strstr(log.last, "/docs/link_to_a': folder already listed"));
    nt_corpus_free(c);
    /* A trailing slash changes neither the names nor the messages. */
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "docs/"), &hooks, &c, NULL), NT_OK);
    ck_assert_str_eq(nt_corpus_name(c, 2), "a/z.txt");
    ck_assert_ptr_null(strstr(log.last, "//"));
    nt_corpus_free(c);
}
END_TEST

START_TEST(folder_documents_read)
{
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "docs"), NULL, &c, NULL), NT_OK);
    nt_buffer buf = {0};
    ck_assert_int_eq(nt_corpus_read(c, 1, &buf, NULL), NT_OK);
    ck_assert_uint_eq(buf.len, 4);
    ck_assert_str_eq(buf.data, "deep");
    ck_assert_int_eq(nt_corpus_read(c, 5, &buf, NULL), NT_CORPUS_BINARY);
    ck_assert_uint_eq(buf.len, 5);
    ck_assert_int_eq(memcmp(buf.data, "ab\0cd", 5), 0);
    ck_assert_int_eq(nt_corpus_read(c, 6, &buf, NULL), NT_OK);
    ck_assert_uint_eq(buf.len, 0);
    ck_assert_str_eq(buf.data, "");
    nt_buffer_free(&buf);
    nt_buffer_free(NULL);
    nt_corpus_free(c);
}
END_TEST

/* nt_corpus_read says whether it waited for the disk: not for a file just written, which is
 * in the page cache; for the same file dropped from the cache, exactly when the drop took
 * (mincore's word: a tmpfs keeps its files) and the file system can tell (RWF_NOWAIT reads:
 * overlayfs cannot), with the same bytes either way. Prefetching is advice: for any index,
 * and the reads after it are unchanged. */
START_TEST(reads_say_when_they_waited_for_the_disk)
{
    static char text[50000];
    for (size_t q = 0; q < sizeof text; q++)
        text[q] = (char)('a' + q % 26);
    nt_test_make_dir(NULL, "cold");
    const char *path = nt_test_write_bytes(NULL, "cold/doc.txt", text, sizeof text);
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "cold"), NULL, &c, NULL), NT_OK);
    nt_buffer buf = {0};
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, NULL), NT_OK);
    ck_assert_int_eq(buf.waited, 0);
    for (int round = 0; round < 2; round++) {
        int evicted = nt_test_evict_file(path);
        if (round == 1) {
            nt_corpus_prefetch(c, 0);
            nt_corpus_prefetch(c, 1); /* past the end: nothing */
        }
        ck_assert_int_eq(nt_corpus_read(c, 0, &buf, NULL), NT_OK);
        ck_assert_uint_eq(buf.len, sizeof text);
        ck_assert_int_eq(memcmp(buf.data, text, sizeof text), 0);
        if (round == 0)
            ck_assert_int_eq(buf.waited, evicted && nt_test_nowait_reads(path));
    }
    nt_buffer_free(&buf);
    nt_corpus_free(c);
}
END_TEST

typedef struct reader_job {
    const nt_corpus *corpus;
    int failures;
} reader_job;

static void *read_all_documents(void *arg)
{
    reader_job *job = arg;
    nt_buffer buf = {0};
    const char *expected[] = {"upper", "deep", "zed", "first", "second", NULL, ""};
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < 7; i++) {
            int rc = nt_corpus_read(job->corpus, i, &buf, NULL);
            if (expected[i] ? rc != NT_OK || strcmp(buf.data, expected[i]) != 0
                            : rc != NT_CORPUS_BINARY)
                job->failures++;
        }
    }
    nt_buffer_free(&buf);
    return NULL;
}

START_TEST(concurrent_reads_with_own_buffers)
{
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "docs"), NULL, &c, NULL), NT_OK);
    pthread_t threads[4];
    reader_job jobs[4];
    for (int t = 0; t < 4; t++) {
        jobs[t] = (reader_job){.corpus = c};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, read_all_documents, &jobs[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        ck_assert_int_eq(jobs[t].failures, 0);
    }
    nt_corpus_free(c);
}
END_TEST

START_TEST(unreadable_entries_skipped)
{
    /* Permission bits do not stop root, so as root the chmod 000 file must be listed and
     * read; otherwise it and the chmod 000 folder are skipped as unreadable. The dangling
     * link of folder_walk_order_and_skips covers the unreadable path for every user. */
    nt_test_make_dir(NULL, "locked");
    nt_test_write_file(NULL, "locked/secret.txt", "s");
    nt_test_write_file(NULL, "locked/open.txt", "o");
    nt_test_make_dir(NULL, "locked/sub");
    nt_test_write_file(NULL, "locked/sub/x.txt", "x");
    ck_assert_int_eq(chmod(nt_test_path(NULL, "locked/secret.txt"), 0), 0);
    ck_assert_int_eq(chmod(nt_test_path(NULL, "locked/sub"), 0), 0);
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "locked"), NULL, &c, NULL), NT_OK);
    const nt_corpus_stats *st = nt_corpus_stats_get(c);
    if (geteuid() == 0) {
        ck_assert_uint_eq(nt_corpus_count(c), 3);
        ck_assert_uint_eq(st->skipped_unreadable, 0);
    } else {
        ck_assert_uint_eq(nt_corpus_count(c), 1);
        ck_assert_str_eq(nt_corpus_name(c, 0), "open.txt");
        ck_assert_uint_eq(st->skipped_unreadable, 2);
    }
    nt_corpus_free(c);
    chmod(nt_test_path(NULL, "locked/sub"), 0755);
}
END_TEST

START_TEST(document_vanishing_after_listing)
{
    nt_test_make_dir(NULL, "vanish");
    nt_test_write_file(NULL, "vanish/keep.txt", "k");
    nt_test_write_file(NULL, "vanish/gone.txt", "g");
    nt_corpus *c;
    ck_assert_int_eq(nt_corpus_open_dir(nt_test_path(NULL, "vanish"), NULL, &c, NULL), NT_OK);
    ck_assert_int_eq(unlink(nt_test_path(NULL, "vanish/gone.txt")), 0);
    nt_buffer buf = {0};
    nt_error err;
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "vanish/gone.txt"));
    /* Replaced by a FIFO: the read fails at once instead of blocking. */
    ck_assert_int_eq(mkfifo(nt_test_path(NULL, "vanish/gone.txt"), 0644), 0);
    ck_assert_int_eq(nt_corpus_read(c, 0, &buf, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "not a regular file"));
    ck_assert_int_eq(nt_corpus_read(c, 1, &buf, &err), NT_OK);
    ck_assert_int_eq(nt_corpus_read(c, 2, &buf, &err), NT_EINVAL);
    nt_buffer_free(&buf);
    nt_corpus_free(c);
}
END_TEST

START_TEST(open_errors_name_the_culprit)
{
    nt_corpus *c = (nt_corpus *)&c;
    nt_error err;
    const char *none = nt_test_path(NULL, "no_such_folder");
    ck_assert_int_eq(nt_corpus_open_dir(none, NULL, &c, &err), NT_EIO);
    ck_assert_ptr_null(c);
    ck_assert_ptr_nonnull(strstr(err.message, "no_such_folder"));
    const char *plain = nt_test_write_file(NULL, "plain.txt", "x");
    ck_assert_int_eq(nt_corpus_open_dir(plain, NULL, &c, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "plain.txt': not a folder"));
    const char *empty = nt_test_make_dir(NULL, "empty");
    ck_assert_int_eq(nt_corpus_open_dir(empty, NULL, &c, &err), NT_EEMPTY);
    ck_assert_ptr_nonnull(strstr(err.message, "empty"));
    nt_test_write_file(NULL, "empty/.only_hidden", "x");
    ck_assert_int_eq(nt_corpus_open_dir(empty, NULL, &c, &err), NT_EEMPTY);
    const char *zero = nt_test_write_bytes(NULL, "zero.txt", "", 0);
    ck_assert_int_eq(nt_corpus_open_lines(zero, NULL, &c, &err), NT_EEMPTY);
    ck_assert_ptr_nonnull(strstr(err.message, "zero.txt"));
    const char *missing = nt_test_path(NULL, "missing.txt");
    ck_assert_int_eq(nt_corpus_open_lines(missing, NULL, &c, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "missing.txt"));
    ck_assert_int_eq(nt_corpus_open_lines(empty, NULL, &c, &err), NT_EIO);
    ck_assert_int_eq(nt_corpus_open_file_list(missing, NULL, &c, &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "missing.txt"));
    const char *bad = nt_test_write_file(NULL, "bad_list.txt", "/nonexistent/a\n\n");
    ck_assert_int_eq(nt_corpus_open_file_list(bad, NULL, &c, &err), NT_EEMPTY);
    ck_assert_ptr_nonnull(strstr(err.message, "bad_list.txt"));
    nt_corpus_free(NULL);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    make_docs();
    nt_test_cases tc;
    Suite *s = nt_test_suite("corpus", &tc);
    NT_TEST_ADD(tc.core, folder_walk_order_and_skips, folder_documents_read,
                reads_say_when_they_waited_for_the_disk,
                concurrent_reads_with_own_buffers);
    NT_TEST_ADD(tc.edge, unreadable_entries_skipped, document_vanishing_after_listing);
    NT_TEST_ADD(tc.errors, open_errors_name_the_culprit);
    corpus_add_mode_tests(tc.core, tc.edge);
    return nt_test_main(s);
}
