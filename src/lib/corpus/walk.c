/* walk.c: listing the documents under a folder, recursively, in a deterministic order. */
#define _DEFAULT_SOURCE  /* d_type and DT_* */
#include "corpus_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Folders already walked, by (device, inode): an open-addressing hash set. */
typedef struct visited_set {
    dev_t *dev;    /* size cap */
    ino_t *ino;    /* size cap */
    char *used;    /* size cap */
    size_t count;
    size_t cap;    /* a power of two, kept above twice count */
} visited_set;

typedef struct walker {
    nt_corpus *corpus;
    const nt_hooks *hooks;
    visited_set visited;
    char *path;       /* the current folder relative to the root, '/'-terminated unless
                         empty, size path_cap */
    size_t path_len;
    size_t path_cap;
} walker;

static size_t visited_slot(const visited_set *v, dev_t dev, ino_t ino)
{
    size_t i = (size_t)(((uint64_t)ino * 0x9E3779B97F4A7C15ull) ^ (uint64_t)dev) & (v->cap - 1);
    while (v->used[i] && !(v->dev[i] == dev && v->ino[i] == ino))
        i = (i + 1) & (v->cap - 1);
    return i;
}

static int visited_grow(visited_set *v)
{
    visited_set bigger = {0};
    bigger.cap = v->cap ? 2 * v->cap : 64;
    bigger.dev = malloc(bigger.cap * sizeof *bigger.dev);
    bigger.ino = malloc(bigger.cap * sizeof *bigger.ino);
    bigger.used = calloc(bigger.cap, 1);
    int ok = bigger.dev && bigger.ino && bigger.used;
    for (size_t i = 0; ok && i < v->cap; i++) {
        if (v->used[i]) {
            size_t j = visited_slot(&bigger, v->dev[i], v->ino[i]);
            bigger.dev[j] = v->dev[i];
            bigger.ino[j] = v->ino[i];
            bigger.used[j] = 1;
        }
    }
    visited_set *drop = ok ? v : &bigger;
    free(drop->dev);
    free(drop->ino);
    free(drop->used);
    if (ok) {
        bigger.count = v->count;
        *v = bigger;
    }
    return ok ? NT_OK : NT_ENOMEM;
}

/* Marks a folder as visited; *fresh tells whether it was new. */
static int visited_add(visited_set *v, const struct stat *st, int *fresh)
{
    if ((v->count + 1) * 2 > v->cap && visited_grow(v) != NT_OK)
        return NT_ENOMEM;
    size_t i = visited_slot(v, st->st_dev, st->st_ino);
    *fresh = !v->used[i];
    if (*fresh) {
        v->dev[i] = st->st_dev;
        v->ino[i] = st->st_ino;
        v->used[i] = 1;
        v->count++;
    }
    return NT_OK;
}

/* A folder entry: its name, and its type as the folder listing gave it (DT_UNKNOWN when
 * the file system does not say), which spares a stat for every regular file. */
typedef struct entry {
    char *name;
    unsigned char type;
    int denied;  /* for a regular file: why it cannot be read (an errno), or 0 */
} entry;

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static void free_entries(entry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(entries[i].name);
    free(entries);
}

/* Reads the entries of a folder (all but "." and ".."), sorted by name; takes ownership
 * of fd. */
static int list_folder(int fd, entry **out, size_t *count)
{
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return NT_EIO;
    }
    entry *entries = NULL;
    size_t n = 0, cap = 0;
    int rc = NT_OK;
    errno = 0;
    for (struct dirent *e; rc == NT_OK && (e = readdir(d)); errno = 0) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 32;
            entry *bigger = realloc(entries, cap * sizeof *entries);
            rc = bigger ? NT_OK : NT_ENOMEM;
            entries = bigger ? bigger : entries;
        }
        if (rc == NT_OK) {
            entries[n].type = e->d_type;
            if (!(entries[n++].name = strdup(e->d_name)))
                rc = NT_ENOMEM;
        }
    }
    if (rc == NT_OK && errno != 0)
        rc = NT_EIO;
    closedir(d);
    if (rc != NT_OK) {
        free_entries(entries, n);
        return rc;
    }
    if (n > 1)
        qsort(entries, n, sizeof *entries, compare_entries);
    *out = entries;
    *count = n;
    return NT_OK;
}

/* Checks that the regular files of a listed folder can be read: one faccessat each, most of
 * the time a large folder takes to list, so spread over the OpenMP threads. Entries of
 * other types are checked once they have been stat'ed. */
static void check_regular_files(int dir, entry *entries, size_t n)
{
#pragma omp parallel for schedule(static) if (n >= 512)
    for (size_t i = 0; i < n; i++) {
        entry *e = &entries[i];
        e->denied = 0;
        if (e->type == DT_REG && e->name[0] != '.' &&
            faccessat(dir, e->name, R_OK, AT_EACCESS) != 0)
            e->denied = errno;
    }
}

static void skip(walker *w, size_t *counter, const char *name, const char *why)
{
    (*counter)++;
    nt_hooks_log(w->hooks, NT_LOG_WARNING, "skipping '%s/%.*s%s': %s", w->corpus->source,
                 (int)w->path_len, w->path, name, why);
}

static int walk_folder(walker *w, int fd);

/* Descends into the sub-folder name of the folder open as dir. */
static int walk_child(walker *w, int dir, const char *name, const struct stat *st)
{
    int fresh, rc = visited_add(&w->visited, st, &fresh);
    if (rc != NT_OK || !fresh) {
        if (rc == NT_OK)
            skip(w, &w->corpus->stats.skipped_repeated, name, "folder already listed");
        return rc;
    }
    int fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        skip(w, &w->corpus->stats.skipped_unreadable, name, strerror(errno));
        return NT_OK;
    }
    size_t len = strlen(name), saved = w->path_len;
    if (saved + len + 2 > w->path_cap) {
        size_t cap = 2 * (saved + len + 2);
        char *path = realloc(w->path, cap);
        if (!path) {
            close(fd);
            return NT_ENOMEM;
        }
        w->path = path;
        w->path_cap = cap;
    }
    memcpy(w->path + saved, name, len);
    w->path[saved + len] = '/';
    w->path_len = saved + len + 1;
    rc = walk_folder(w, fd);
    w->path_len = saved;
    return rc;
}

/* Handles one entry of the folder open as dir. A regular file needs no stat (the listing
 * said what it is); folders (for their device and inode), symbolic links and entries of
 * unknown type are stat'ed. */
static int walk_entry(walker *w, int dir, const entry *e)
{
    nt_corpus_stats *stats = &w->corpus->stats;
    const char *name = e->name;
    struct stat st;
    if (name[0] == '.') {
        stats->skipped_hidden++;
        return NT_OK;
    }
    if (e->type == DT_REG)
        st.st_mode = S_IFREG;
    else if (fstatat(dir, name, &st, 0) != 0) {
        skip(w, &stats->skipped_unreadable, name, strerror(errno));
        return NT_OK;
    }
    if (S_ISDIR(st.st_mode))
        return walk_child(w, dir, name, &st);
    if (!S_ISREG(st.st_mode)) {
        skip(w, &stats->skipped_special, name, "not a regular file");
        return NT_OK;
    }
    int denied = e->type == DT_REG ? e->denied
                 : faccessat(dir, name, R_OK, AT_EACCESS) != 0 ? errno : 0;
    if (denied != 0) {
        skip(w, &stats->skipped_unreadable, name, strerror(denied));
        return NT_OK;
    }
    int rc = nt_corpus_add(w->corpus, w->path, w->path_len, name);
    if (rc == NT_OK && w->corpus->count % 4096 == 0)
        nt_hooks_progress(w->hooks, "listing", w->corpus->count, 0);
    return rc;
}

/* Walks the folder open as fd (closed on return), its entries in strcmp order. */
static int walk_folder(walker *w, int fd)
{
    int dir = dup(fd);
    entry *entries = NULL;
    size_t n = 0;
    int rc = dir < 0 ? NT_EIO : list_folder(fd, &entries, &n);
    if (dir < 0)
        close(fd);
    if (rc == NT_EIO) {
        /* An unlistable sub-folder is skipped; only the root makes the open fail. */
        if (w->path_len == 0)
            return rc;
        w->path_len--; /* name the folder without its trailing '/' */
        skip(w, &w->corpus->stats.skipped_unreadable, "", "cannot list folder");
        w->path_len++;
        rc = NT_OK;
    }
    if (rc == NT_OK)
        check_regular_files(dir, entries, n);
    for (size_t i = 0; rc == NT_OK && i < n; i++)
        rc = walk_entry(w, dir, &entries[i]);
    free_entries(entries, n);
    if (dir >= 0)
        close(dir);
    return rc;
}

int nt_corpus_open_dir(const char *dir, const nt_hooks *hooks, nt_corpus **out,
                       nt_error *err)
{
    *out = NULL;
    nt_corpus *c = nt_corpus_alloc(dir);
    if (!c)
        return nt_error_set(err, NT_ENOMEM, "out of memory listing folder '%s'", dir);
    /* "docs/" names its entries "docs/a.txt" in messages, not "docs//a.txt". */
    for (size_t n = strlen(c->source); n > 1 && c->source[n - 1] == '/'; n--)
        c->source[n - 1] = '\0';
    c->base_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (c->base_fd < 0) {
        int rc = nt_error_set(err, NT_EIO, "cannot open folder '%s': %s", dir,
                              errno == ENOTDIR ? "not a folder" : strerror(errno));
        nt_corpus_free(c);
        return rc;
    }
    walker w = {.corpus = c, .hooks = hooks};
    struct stat st;
    int fresh, rc = fstat(c->base_fd, &st) == 0 ? NT_OK : NT_EIO;
    if (rc == NT_OK)
        rc = visited_add(&w.visited, &st, &fresh);
    int fd = rc == NT_OK ? dup(c->base_fd) : -1;
    if (rc == NT_OK)
        rc = fd >= 0 ? walk_folder(&w, fd) : NT_EIO;
    if (rc == NT_EIO)
        nt_error_set(err, rc, "cannot list folder '%s': %s", dir, strerror(errno));
    free(w.visited.dev);
    free(w.visited.ino);
    free(w.visited.used);
    free(w.path);
    return nt_corpus_finish(c, rc, "folder", out, err);
}
