/* nt_test.h: the shared test support of the Check suites: main, scratch folder, files and
 * seeded random numbers. The NMF-family fixtures are in nt_test_nmf.h. */
#ifndef NT_TEST_H
#define NT_TEST_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- the suite and its runner (nt_test_main.c) ---- */

/* The three test cases every suite has, in the order they run. */
typedef struct nt_test_cases {
    TCase *core;
    TCase *edge;
    TCase *errors;
} nt_test_cases;

/* A suite called name holding three empty test cases "core", "edge" and "errors", returned
 * in *tc for the caller to fill. */
Suite *nt_test_suite(const char *name, nt_test_cases *tc);

/* Adds the tests (the names given to START_TEST) to the test case tc, in the order given. */
#define NT_TEST_ADD(tc, ...) nt_test_add_list((tc), (const TTest *const[]){__VA_ARGS__, NULL})
void nt_test_add_list(TCase *tc, const TTest *const *tests);  /* tests ends with NULL */

/* Gives each of the three test cases the checked fixture setup / teardown, run around
 * every test in the test's own process. */
void nt_test_fixture(const nt_test_cases *tc, SFun setup, SFun teardown);

/* Runs every test of s, each in its own process unless CK_FORK=no, printing Check's normal
 * summary; then frees the runner and removes the scratch folder if one was made. Returns
 * EXIT_SUCCESS when every test passed and the folder went, EXIT_FAILURE otherwise. */
int nt_test_main(Suite *s);

/* Fails the test unless text contains needle, showing both. */
#define NT_TEST_ASSERT_CONTAINS(text, needle)                                               \
    ck_assert_msg(strstr((text), (needle)) != NULL, "'%s' lacks '%s'", (text), (needle))

/* ---- the scratch folder and other folders (nt_test_tmpdir.c) ---- */

/* The program's scratch folder, a fresh $TMPDIR/nt_test_XXXXXX (or under /tmp) made by the
 * first call. Make it in main, before nt_test_main: tests run in child processes, so a
 * folder first made in one would outlive the run (such a call aborts). */
const char *nt_test_tmpdir(void);

/* Stops nt_test_tmpdir from making a folder from now on (nt_test_main calls it). */
void nt_test_tmpdir_seal(void);

/* Removes the scratch folder if one was made; 0 on success or when there was none. */
int nt_test_tmpdir_remove(void);

/* How many entries of the folder path have names not starting with '.'; aborts when the
 * folder cannot be opened. */
int nt_test_count_entries(const char *path);

/* Removes path and everything below it without following links, first giving back the
 * owner's permissions to folders a test locked. 0 on success, -1 otherwise. */
int nt_test_remove_tree(const char *path);

/* ---- files in the scratch folder (nt_test_files.c) ----
 * dir is a folder, or NULL for the scratch folder; name may contain '/' (parents must
 * exist). The returned paths live in eight static buffers used in turn, so the last eight
 * stay valid. Failures abort with a message: these helpers also run in main, outside any
 * test, where Check cannot record a failure (inside a test Check reports the signal). */

/* dir/name. */
const char *nt_test_path(const char *dir, const char *name);

/* Creates dir/name holding len bytes; returns its path. */
const char *nt_test_write_bytes(const char *dir, const char *name, const void *bytes,
                                size_t len);

/* Creates dir/name holding text (without its terminating NUL); returns its path. */
const char *nt_test_write_file(const char *dir, const char *name, const char *text);

/* The whole content of the file at path, NUL-terminated, in a buffer the caller frees. */
char *nt_test_read_file(const char *path);

/* ---- the page cache (nt_test_page_cache.c) ---- */

/* Syncs the file at path and asks the system to drop it from the page cache; returns 1 when
 * none of it is cached afterwards (mincore), 0 when some is (a tmpfs keeps its files). */
int nt_test_evict_file(const char *path);

/* nt_test_evict_file for every regular, non-hidden file directly in dir; 1 when all are
 * gone from the cache. */
int nt_test_evict_folder(const char *dir);

/* 1 when the file system of path answers reads that must not wait for the disk (Linux's
 * RWF_NOWAIT), so that a read can tell a cached file from an uncached one. */
int nt_test_nowait_reads(const char *path);

/* Creates the folder dir/name (mode 0755); returns its path. */
const char *nt_test_make_dir(const char *dir, const char *name);

/* Prints "nt_test: what path: <errno text>" to stderr and aborts. */
void nt_test_abort(const char *what, const char *path);

/* ---- locales (nt_test_locale.c) ---- */

/* Sets LC_NUMERIC to the locale name found in the folder locpath (a comma-decimal one: the
 * build tree's de_DE.UTF-8 that cmake/NtCommaLocale.cmake makes, NT_TEST_COMMA_LOCALE in
 * NT_TEST_LOCPATH) and checks that printf now writes 0.5 as "0,5"; fails the test
 * otherwise. Restore with setlocale(LC_NUMERIC, "C"). */
void nt_test_comma_locale(const char *locpath, const char *name);

/* ---- seeded random numbers (nt_test_random.c) ----
 * Two generators, because the suites' fixtures were made with both and keep their numbers:
 * the tests need fixed data, not good randomness. The state is the seed, stepped in place. */

/* A 64-bit linear congruential generator (Knuth's MMIX constants); the top 53 bits as a
 * double in [0, 1). Planted NMF products, hold-out samples and rank corpora use it. */
double nt_test_lcg(uint64_t *state);

/* splitmix64 (Steele, Lea & Flood 2014); the top 53 bits as a double in [0, 1). NNLS
 * problems and NNDSVD matrices use it. */
double nt_test_uniform(uint64_t *state);

/* A standard normal deviate from two nt_test_uniform draws (Box-Muller). */
double nt_test_normal(uint64_t *state);

#endif
