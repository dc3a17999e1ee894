/* corpus.c: the document list itself (names, counts) and reading a document's bytes. */
#define _GNU_SOURCE /* preadv2, RWF_NOWAIT */
#include "corpus_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

nt_corpus *nt_corpus_alloc(const char *source)
{
    nt_corpus *c = calloc(1, sizeof *c);
    if (!c || !(c->source = strdup(source))) {
        free(c);
        return NULL;
    }
    c->base_fd = -1;
    return c;
}

static int grow_arrays(nt_corpus *c)
{
    size_t cap = c->cap ? 2 * c->cap : 256;
    size_t *name_at = realloc(c->name_at, cap * sizeof *name_at);
    if (!name_at)
        return NT_ENOMEM;
    c->name_at = name_at;
    if (c->lines) {
        off_t *line_at = realloc(c->line_at, (cap + 1) * sizeof *line_at);
        if (!line_at)
            return NT_ENOMEM;
        c->line_at = line_at;
    }
    c->cap = cap;
    return NT_OK;
}

int nt_corpus_add(nt_corpus *c, const char *prefix, size_t prefix_len, const char *name)
{
    size_t len = prefix_len + strlen(name) + 1;
    if (c->count == c->cap && grow_arrays(c) != NT_OK)
        return NT_ENOMEM;
    if (c->pool_len + len > c->pool_cap) {
        size_t cap = c->pool_cap ? c->pool_cap : 4096;
        while (cap < c->pool_len + len)
            cap *= 2;
        char *pool = realloc(c->pool, cap);
        if (!pool)
            return NT_ENOMEM;
        c->pool = pool;
        c->pool_cap = cap;
    }
    if (prefix_len > 0) /* the root folder's prefix may be a NULL path */
        memcpy(c->pool + c->pool_len, prefix, prefix_len);
    strcpy(c->pool + c->pool_len + prefix_len, name);
    c->name_at[c->count++] = c->pool_len;
    c->pool_len += len;
    c->stats.documents = c->count;
    return NT_OK;
}

int nt_corpus_finish(nt_corpus *c, int rc, const char *what, nt_corpus **out,
                     nt_error *err)
{
    if (rc == NT_OK && c->count == 0)
        rc = nt_error_set(err, NT_EEMPTY, "no documents in %s '%s'", what, c->source);
    else if (rc == NT_ENOMEM)
        nt_error_set(err, rc, "out of memory listing the documents of %s '%s'", what,
                     c->source);
    if (rc == NT_OK)
        *out = c;
    else
        nt_corpus_free(c);
    return rc;
}

size_t nt_corpus_count(const nt_corpus *corpus)
{
    return corpus->count;
}

const char *nt_corpus_name(const nt_corpus *corpus, size_t i)
{
    return corpus->pool + corpus->name_at[i];
}

const nt_corpus_stats *nt_corpus_stats_get(const nt_corpus *corpus)
{
    return &corpus->stats;
}

void nt_corpus_free(nt_corpus *corpus)
{
    if (!corpus)
        return;
    if (corpus->base_fd >= 0)
        close(corpus->base_fd);
    free(corpus->source);
    free(corpus->pool);
    free(corpus->name_at);
    free(corpus->line_at);
    free(corpus);
}

void nt_buffer_free(nt_buffer *buf)
{
    if (buf) {
        free(buf->data);
        buf->data = NULL;
        buf->len = buf->cap = 0;
    }
}

/* Makes room for n bytes plus the NUL that follows the content. */
static int buffer_reserve(nt_buffer *buf, size_t n)
{
    if (n < buf->cap)
        return NT_OK;
    size_t cap = buf->cap ? buf->cap : 4096;
    while (cap <= n)
        cap = cap > SIZE_MAX / 2 ? n + 1 : 2 * cap;
    char *data = realloc(buf->data, cap);
    if (!data)
        return NT_ENOMEM;
    buf->data = data;
    buf->cap = cap;
    return NT_OK;
}

/* Reads what the page cache holds of an open file into buf (empty, with room for hint
 * bytes) without waiting for the disk (Linux's RWF_NOWAIT). Returns 1 when that was the
 * whole file, by read_fd's rule for its end; sets buf->waited when some of the file was
 * not cached, and read_fd then reads the rest as usual. A file system without such reads
 * fails the call (one system call per document) and leaves waited 0. Here a short read
 * may also mean the rest is not cached: a file grown since its fstat may then end at its
 * cached part, past its listed size, much as a blocking read ends one that grows after
 * it; a file shrunk since shows as waited, which costs only some prefetching. */
static int read_cached(int fd, size_t hint, nt_buffer *buf)
{
#ifdef RWF_NOWAIT
    struct iovec room = {buf->data, buf->cap - 1};
    ssize_t got = preadv2(fd, &room, 1, -1, RWF_NOWAIT);
    if (got < 0) {
        buf->waited = errno == EAGAIN; /* another error (no RWF_NOWAIT here): read as usual */
        return 0;
    }
    buf->len = (size_t)got;
    buf->waited = buf->len < hint;
    return buf->len >= hint && buf->len < buf->cap - 1;
#else
    (void)fd, (void)hint, (void)buf;
    return 0;
#endif
}

/* Reads an open regular file to its end, whatever size it had when listed. A read that
 * returns fewer bytes than asked for, once the file's size (hint, from fstat) is reached,
 * is taken as the end of the file: for a regular file a short read means just that, and
 * it spares the usual second read that returns 0 (one system call per document). */
static int read_fd(int fd, size_t hint, nt_buffer *buf)
{
    buf->len = 0;
    if (buffer_reserve(buf, hint) != NT_OK)
        return NT_ENOMEM;
    if (read_cached(fd, hint, buf))
        return NT_OK;
    for (;;) {
        if (buf->cap - buf->len < 2 && buffer_reserve(buf, buf->cap) != NT_OK)
            return NT_ENOMEM;
        size_t want = buf->cap - 1 - buf->len;
        ssize_t n = read(fd, buf->data + buf->len, want);
        if (n == 0)
            return NT_OK;
        if (n < 0 && errno != EINTR)
            return NT_EIO;
        buf->len += n > 0 ? (size_t)n : 0;
        if (n > 0 && (size_t)n < want && buf->len >= hint)
            return NT_OK;
    }
}

static int read_file(const nt_corpus *c, size_t i, nt_buffer *buf, nt_error *err)
{
    const char *name = nt_corpus_name(c, i);
    /* Folder-mode names are relative to the folder: name it too in messages. */
    const char *dir = c->base_fd == AT_FDCWD ? "" : c->source;
    const char *sep = c->base_fd == AT_FDCWD ? "" : "/";
    /* O_NONBLOCK: a file replaced by a FIFO since the listing must not block the open. */
    int fd = openat(c->base_fd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return nt_error_set(err, NT_EIO, "cannot open document '%s%s%s': %s", dir, sep,
                            name, strerror(errno));
    struct stat st;
    int rc = NT_EIO;
    const char *why = NULL;
    if (fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if ((rc = read_fd(fd, (size_t)st.st_size, buf)) == NT_EIO)
        why = strerror(errno);
    close(fd);
    if (rc == NT_ENOMEM)
        return nt_error_set(err, rc, "out of memory reading document '%s%s%s'", dir,
                            sep, name);
    if (rc == NT_EIO)
        return nt_error_set(err, rc, "cannot read document '%s%s%s': %s", dir, sep,
                            name, why);
    return NT_OK;
}

void nt_corpus_prefetch(const nt_corpus *c, size_t i)
{
    if (i >= c->count || c->lines)
        return;
    int fd = openat(c->base_fd, nt_corpus_name(c, i), O_RDONLY | O_CLOEXEC | O_NOCTTY |
                                                      O_NONBLOCK);
    if (fd < 0)
        return;
    posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    close(fd);
}

static int read_line(const nt_corpus *c, size_t i, nt_buffer *buf, nt_error *err)
{
    off_t start = c->line_at[i];
    size_t len = (size_t)(c->line_at[i + 1] - start - 1); /* without its '\n' */
    if (buffer_reserve(buf, len) != NT_OK)
        return nt_error_set(err, NT_ENOMEM, "out of memory reading line %zu of '%s'", i + 1,
                            c->source);
    size_t got = 0;
    while (got < len) {
        ssize_t n = pread(c->base_fd, buf->data + got, len - got, start + (off_t)got);
        if (n <= 0 && !(n < 0 && errno == EINTR))
            return nt_error_set(err, NT_EIO, "cannot read line %zu of '%s': %s", i + 1,
                                c->source, n == 0 ? "file was truncated" : strerror(errno));
        got += n > 0 ? (size_t)n : 0;
    }
    buf->len = len > 0 && buf->data[len - 1] == '\r' ? len - 1 : len;
    return NT_OK;
}

int nt_corpus_read(const nt_corpus *corpus, size_t i, nt_buffer *buf, nt_error *err)
{
    if (i >= corpus->count)
        return nt_error_set(err, NT_EINVAL, "document %zu requested from a corpus of %zu", i,
                            corpus->count);
    buf->waited = 0;
    int rc = corpus->lines ? read_line(corpus, i, buf, err) : read_file(corpus, i, buf, err);
    if (rc != NT_OK)
        return rc;
    buf->data[buf->len] = '\0';
    return memchr(buf->data, '\0', buf->len) ? NT_CORPUS_BINARY : NT_OK;
}
