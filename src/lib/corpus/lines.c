/* lines.c: a corpus made of the lines of one text file, found in one streaming pass. */
#define _POSIX_C_SOURCE 200809L
#include "corpus_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Records a line starting at offset start, named "PATH:LINE". */
static int add_line(nt_corpus *c, off_t start)
{
    char number[32];
    snprintf(number, sizeof number, ":%zu", c->count + 1);
    size_t i = c->count;
    int rc = nt_corpus_add(c, c->source, strlen(c->source), number);
    if (rc == NT_OK)
        c->line_at[i] = start;
    return rc;
}

/* Reads the file block by block, noting where every line starts; the offsets are all the
 * corpus keeps. */
static int scan_lines(nt_corpus *c, nt_error *err)
{
    char block[65536];
    off_t offset = 0, line_start = 0;
    for (;;) {
        ssize_t n = read(c->base_fd, block, sizeof block);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return nt_error_set(err, NT_EIO, "cannot read '%s': %s", c->source,
                                strerror(errno));
        if (n == 0)
            break;
        for (const char *p = block, *end = block + n; (p = memchr(p, '\n', end - p)); p++) {
            if (add_line(c, line_start) != NT_OK)
                return NT_ENOMEM;
            line_start = offset + (p - block) + 1;
        }
        offset += n;
    }
    /* A last line without '\n' is a document; the sentinel then stands for a virtual '\n'
     * one byte past the end of the file, so every line ends one byte before the next
     * start. */
    if (line_start < offset && add_line(c, line_start) != NT_OK)
        return NT_ENOMEM;
    if (c->count > 0)
        c->line_at[c->count] = line_start < offset ? offset + 1 : offset;
    return NT_OK;
}

int nt_corpus_open_lines(const char *path, const nt_hooks *hooks, nt_corpus **out,
                         nt_error *err)
{
    (void)hooks; /* nothing is ever skipped in this mode */
    *out = NULL;
    nt_corpus *c = nt_corpus_alloc(path);
    if (!c)
        return nt_error_set(err, NT_ENOMEM, "out of memory reading '%s'", path);
    c->lines = 1;
    c->base_fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat st;
    int rc = NT_OK;
    if (c->base_fd < 0)
        rc = nt_error_set(err, NT_EIO, "cannot open '%s': %s", path, strerror(errno));
    else if (fstat(c->base_fd, &st) != 0 || !S_ISREG(st.st_mode))
        rc = nt_error_set(err, NT_EIO, "cannot read lines of '%s': not a regular file", path);
    else
        rc = scan_lines(c, err);
    return nt_corpus_finish(c, rc, "file", out, err);
}
