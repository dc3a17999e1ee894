/* corpus_fixture.h: what the files of the corpus suite share: links in the scratch folder
 * and a log collector. */
#ifndef NT_TEST_CORPUS_FIXTURE_H
#define NT_TEST_CORPUS_FIXTURE_H

#include "nmftopics/hooks.h"

/* Creates the symbolic link rel (inside the scratch folder) pointing at target. */
void make_link(const char *target, const char *rel);

/* Collects the library's log messages through nt_hooks. */
typedef struct log_record {
    int warnings;
    char last[1024];
} log_record;

void record_log(void *user, nt_log_level level, const char *message);

#endif
