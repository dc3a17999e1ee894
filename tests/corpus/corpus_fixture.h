/* corpus_fixture.h: the corpus tests' temporary folder and helpers to fill it. */
#ifndef NT_TEST_CORPUS_FIXTURE_H
#define NT_TEST_CORPUS_FIXTURE_H

#include <stddef.h>

#include "nmftopics/hooks.h"

/* The temporary folder, made by mkdtemp in main. */
extern char root[];

/* Aborts with a message unless ok: the helpers also run outside any test (in main), where
 * Check cannot report a failure. */
void require(int ok, const char *what);

/* root/rel, in a static buffer overwritten by the next call. */
const char *at(const char *rel);

/* Creates root/rel holding len bytes, or text (parents must exist). */
void put(const char *rel, const char *bytes, size_t len);
void put_text(const char *rel, const char *text);

void make_dir(const char *rel);
void make_link(const char *target, const char *rel);

/* Removes root and everything below it. */
void remove_tree(void);

/* Collects the library's log messages through nt_hooks. */
typedef struct log_record {
    int warnings;
    char last[1024];
} log_record;

void record_log(void *user, nt_log_level level, const char *message);

#endif
