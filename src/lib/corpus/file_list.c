/* file_list.c: a corpus made of the files a text file lists, one path per line. */
#define _POSIX_C_SOURCE 200809L
#include "corpus_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Keeps path when it is a readable regular file; otherwise counts and reports it. */
static int add_listed(nt_corpus *c, const nt_hooks *hooks, const char *path)
{
    struct stat st;
    size_t *counter = NULL;
    const char *why = NULL;
    if (stat(path, &st) != 0) {
        counter = &c->stats.skipped_unreadable;
        why = strerror(errno);
    } else if (!S_ISREG(st.st_mode)) {
        counter = &c->stats.skipped_special;
        why = "not a regular file";
    } else if (faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0) {
        counter = &c->stats.skipped_unreadable;
        why = strerror(errno);
    }
    if (!counter)
        return nt_corpus_add(c, "", 0, path);
    (*counter)++;
    nt_hooks_log(hooks, NT_LOG_WARNING, "skipping '%s' (listed in '%s'): %s", path, c->source,
                 why);
    return NT_OK;
}

int nt_corpus_open_file_list(const char *list_path, const nt_hooks *hooks, nt_corpus **out,
                             nt_error *err)
{
    *out = NULL;
    nt_corpus *c = nt_corpus_alloc(list_path);
    if (!c)
        return nt_error_set(err, NT_ENOMEM, "out of memory reading list '%s'", list_path);
    c->base_fd = AT_FDCWD;
    FILE *fp = fopen(list_path, "r");
    if (!fp) {
        int rc = nt_error_set(err, NT_EIO, "cannot open file list '%s': %s", list_path,
                              strerror(errno));
        nt_corpus_free(c);
        return rc;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = NT_OK;
    while (rc == NT_OK && (n = getline(&line, &cap, fp)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n > 0)
            rc = add_listed(c, hooks, line);
    }
    if (rc == NT_OK && ferror(fp))
        rc = nt_error_set(err, NT_EIO, "cannot read file list '%s': %s", list_path,
                          strerror(errno));
    free(line);
    fclose(fp);
    return nt_corpus_finish(c, rc, "file list", out, err);
}
