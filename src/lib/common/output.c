/* output.c: temporary-then-rename output files, with a registry a signal handler can clear. */
#define _POSIX_C_SOURCE 200809L
#include "nmftopics/output.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output_internal.h"

#define BLOCK_SLOTS 64

/* Temporary paths not yet committed, in blocks of slots chained as needed. Blocks are never
 * freed, and a block is zeroed before it is linked, so nt_output_remove_pending can walk
 * the chain from a signal handler at any moment. */
typedef struct pending_block {
    char *volatile slots[BLOCK_SLOTS];
    struct pending_block *volatile next;
} pending_block;

static pending_block pending;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
/* Set while a group renames its files: a handler on another thread waits for the whole
 * set to be in place rather than remove half of it. */
static atomic_int renaming;

/* Replaces the slot holding old_path by new_path; returns 0, or -1 when a new path finds
 * no free slot and no memory for another block. */
static int pending_set(const char *old_path, char *new_path)
{
    int rc = -1;
    pthread_mutex_lock(&pending_lock);
    for (pending_block *b = &pending; b && rc != 0; b = b->next) {
        for (int i = 0; i < BLOCK_SLOTS && rc != 0; i++)
            if (b->slots[i] == old_path) {
                b->slots[i] = new_path;
                rc = 0;
            }
        if (rc != 0 && !b->next && !old_path)
            b->next = calloc(1, sizeof *b->next);
    }
    pthread_mutex_unlock(&pending_lock);
    return old_path ? 0 : rc;
}

void nt_output_remove_pending(void)
{
    while (atomic_load(&renaming))
        ;
    for (pending_block *b = &pending; b; b = b->next)
        for (int i = 0; i < BLOCK_SLOTS; i++) {
            char *path = b->slots[i];
            if (path)
                unlink(path);
        }
}

void nt_output_block_signals(sigset_t *saved)
{
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, saved);
}

void nt_output_renaming(int on)
{
    atomic_store(&renaming, on);
}

void nt_output_forget(nt_output *out)
{
    pending_set(out->tmp_path, NULL);
    free(out->path);
    free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->fp = NULL;
}

/* Creates the temporary file and registers it, with every signal held off in between so
 * that an interrupt cannot leave it behind. Returns its descriptor or -1 with errno set. */
static int create_registered(char *tmp_path)
{
    sigset_t saved;
    nt_output_block_signals(&saved);
    int fd = mkstemp(tmp_path);
    if (fd >= 0 && pending_set(NULL, tmp_path) != 0) {
        unlink(tmp_path);
        close(fd);
        fd = -1;
        errno = ENOMEM;
    }
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    return fd;
}

int nt_output_open(nt_output *out, const char *path, nt_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len = strlen(path);
    out->path = strdup(path);
    out->tmp_path = malloc(len + sizeof ".tmp.XXXXXX");
    if (!out->path || !out->tmp_path) {
        nt_output_forget(out);
        return nt_error_set(err, NT_ENOMEM, "out of memory opening %s", path);
    }
    memcpy(out->tmp_path, path, len);
    memcpy(out->tmp_path + len, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    int fd = create_registered(out->tmp_path);
    if (fd < 0) {
        int e = errno;
        nt_output_forget(out);
        return nt_error_set(err, NT_EIO, "cannot create %s: %s", path, strerror(e));
    }
    fchmod(fd, 0644);
    out->fp = fdopen(fd, "w");
    if (!out->fp) {
        close(fd);
        nt_output_abort(out);
        return nt_error_set(err, NT_EIO, "cannot open %s for writing", path);
    }
    return NT_OK;
}

int nt_output_commit(nt_output *out, nt_error *err)
{
    int failed = ferror(out->fp) != 0;
    failed |= fclose(out->fp) != 0;
    out->fp = NULL;
    if (failed || rename(out->tmp_path, out->path) != 0) {
        int e = errno;
        nt_error_set(err, NT_EIO, "cannot write %s: %s", out->path, strerror(e));
        nt_output_abort(out);
        return NT_EIO;
    }
    nt_output_forget(out);
    return NT_OK;
}

void nt_output_abort(nt_output *out)
{
    if (out->fp)
        fclose(out->fp);
    if (out->tmp_path)
        unlink(out->tmp_path);
    nt_output_forget(out);
}
