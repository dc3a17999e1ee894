/* corpus_fixture.c: building and removing the corpus tests' temporary folder. */
#define _POSIX_C_SOURCE 200809L
#include "corpus_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char root[] = "/tmp/nt_test_corpus_XXXXXX";

void require(int ok, const char *what)
{
    if (!ok) {
        perror(what);
        abort();
    }
}

/* Creates root/rel with the given bytes (parents must exist). */
void put(const char *rel, const char *bytes, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *fp = fopen(path, "wb");
    require(fp && fwrite(bytes, 1, len, fp) == len, path);
    fclose(fp);
}

void put_text(const char *rel, const char *text)
{
    put(rel, text, strlen(text));
}

const char *at(const char *rel)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    return path;
}

void make_dir(const char *rel)
{
    require(mkdir(at(rel), 0755) == 0, rel);
}

void make_link(const char *target, const char *rel)
{
    require(symlink(target, at(rel)) == 0, rel);
}

void record_log(void *user, nt_log_level level, const char *message)
{
    log_record *r = user;
    r->warnings += level == NT_LOG_WARNING;
    snprintf(r->last, sizeof r->last, "%s", message);
}

/* Removes the fixture (the test runs in a fresh temporary folder). */
void remove_tree(void)
{
    char command[600];
    snprintf(command, sizeof command, "chmod -R u+rwx '%s' && rm -rf '%s'", root, root);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", root);
}
