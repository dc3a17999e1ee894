/* corpus_fixture.c: links in the corpus tests' scratch folder, and collecting log messages. */
#define _POSIX_C_SOURCE 200809L
#include "corpus_fixture.h"

#include <stdio.h>
#include <unistd.h>

#include "nt_test.h"

void make_link(const char *target, const char *rel)
{
    const char *path = nt_test_path(NULL, rel);
    if (symlink(target, path) != 0)
        nt_test_abort("cannot make the link", path);
}

void record_log(void *user, nt_log_level level, const char *message)
{
    log_record *r = user;
    r->warnings += level == NT_LOG_WARNING;
    snprintf(r->last, sizeof r->last, "%s", message);
}
