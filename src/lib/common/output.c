/* output.c: temporary-then-rename output files, with a registry a signal handler can clear. */
#define _POSIX_C_SOURCE 200809L
#include "nmftopics/output.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PENDING 64

/* Temporary paths not yet committed; read by nt_output_remove_pending from a signal handler. */
static char *volatile pending[MAX_PENDING];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static void pending_set(const char *old_path, char *new_path)
{
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i] == old_path) {
            pending[i] = new_path;
            break;
        }
    pthread_mutex_unlock(&pending_lock);
}

void nt_output_remove_pending(void)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        char *path = pending[i];
        if (path)
            unlink(path);
    }
}

static void output_release(nt_output *out)
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
        output_release(out);
        return nt_error_set(err, NT_ENOMEM, "out of memory opening %s", path);
    }
    memcpy(out->tmp_path, path, len);
    memcpy(out->tmp_path + len, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    /* No signal may land between creating the file and registering it for removal. */
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    int fd = mkstemp(out->tmp_path);
    if (fd >= 0)
        pending_set(NULL, out->tmp_path);
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (fd < 0) {
        int e = errno;
        output_release(out);
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
    output_release(out);
    return NT_OK;
}

void nt_output_abort(nt_output *out)
{
    if (out->fp)
        fclose(out->fp);
    if (out->tmp_path)
        unlink(out->tmp_path);
    output_release(out);
}
