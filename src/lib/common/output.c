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

#define MAX_PENDING 1024

/* Temporary paths not yet committed, read by nt_output_remove_pending from a signal handler
 * that may run on any thread while others go on. Lock-free atomics make the handshake safe:
 * the handler sets `dying` before it scans the table, and nt_output_open reads `dying` after
 * it has registered a new file, so every temporary file is removed by one side or the other. */
static _Atomic(char *) pending[MAX_PENDING];
static atomic_int dying;
/* Set while a group renames its files: a handler on another thread waits for the whole set
 * to be in place rather than remove part of it (the same handshake: the group reads `dying`
 * after setting `renaming`, the handler `renaming` after setting `dying`). */
static atomic_int renaming;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

/* Replaces the entry old_path by new_path (NULL: a free slot); 0 when there is none. */
static int pending_set(const char *old_path, char *new_path)
{
    int found = 0;
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING && !found; i++)
        if (atomic_load(&pending[i]) == old_path) {
            atomic_store(&pending[i], new_path);
            found = 1;
        }
    pthread_mutex_unlock(&pending_lock);
    return found;
}

/* Whether path is a registered temporary file: a group's staging file. */
static int is_pending(const char *path)
{
    int found = 0;
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING && !found; i++) {
        const char *p = atomic_load(&pending[i]);
        found = p && strcmp(p, path) == 0;
    }
    pthread_mutex_unlock(&pending_lock);
    return found;
}

void nt_output_remove_pending(void)
{
    atomic_store(&dying, 1);
    while (atomic_load(&renaming))
        ;
    for (int i = 0; i < MAX_PENDING; i++) {
        char *path = atomic_load(&pending[i]);
        if (path)
            unlink(path);
    }
}

/* mkstemp creates files readable by their owner only; outputs get the mode a plain fopen
 * would give them: 0666 less the umask (read once: reading it means setting it). */
static mode_t output_mode;

static void read_umask(void)
{
    mode_t mask = umask(022);
    umask(mask);
    output_mode = 0666 & ~mask;
}

static mode_t file_mode(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, read_umask);
    return output_mode;
}

int nt_output_renaming_begin(void)
{
    atomic_store(&renaming, 1);
    if (!atomic_load(&dying))
        return 1;
    atomic_store(&renaming, 0);
    return 0;
}

void nt_output_renaming_end(void)
{
    atomic_store(&renaming, 0);
}

void nt_output_forget(nt_output *out)
{
    pending_set(out->tmp_path, NULL);
    free(out->path);
    free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->fp = NULL;
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
    /* No signal may land on this thread between creating the file and registering it. */
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    int fd = mkstemp(out->tmp_path);
    int registered = fd >= 0 && pending_set(NULL, out->tmp_path);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (fd < 0 || !registered || atomic_load(&dying)) {
        int e = fd < 0 ? errno : 0;
        if (fd >= 0) {
            close(fd);
            unlink(out->tmp_path);
        }
        nt_output_forget(out);
        return nt_error_set(err, NT_EIO, "cannot create %s: %s", path,
                            e ? strerror(e) : "too many output files open, or interrupted");
    }
    fchmod(fd, file_mode());
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
    /* A rename that replaces a file makes ext4 (auto_da_alloc) write the new file's data
     * back there and then: 10 ms for tfidf's 35 MB matrix. A group's staging file, ours
     * and empty, is removed first instead; a signal meanwhile removes the temporary file,
     * which is still registered, and the group's other files. */
    if (!failed && is_pending(out->path))
        unlink(out->path);
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
