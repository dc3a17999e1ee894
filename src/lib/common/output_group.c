/* output_group.c: several output files renamed into place together, or none of them. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "output_internal.h"

void nt_output_group_init(nt_output_group *g)
{
    memset(g, 0, sizeof *g);
}

int nt_output_group_add(nt_output_group *g, const char *path, const char **staged,
                        nt_error *err)
{
    *staged = NULL;
    if (g->count == g->capacity) {
        size_t cap = g->capacity ? 2 * g->capacity : 4;
        nt_output *grown = realloc(g->files, cap * sizeof *grown);
        if (!grown)
            return nt_error_set(err, NT_ENOMEM, "out of memory opening %s", path);
        g->files = grown;
        g->capacity = cap;
    }
    nt_output *out = &g->files[g->count];
    int rc = nt_output_open(out, path, err);
    if (rc != NT_OK)
        return rc;
    /* The writer replaces the staging file; only its name and registration are kept. */
    int closed = fclose(out->fp) == 0;
    out->fp = NULL;
    if (!closed) {
        int e = errno;
        nt_output_abort(out);
        return nt_error_set(err, NT_EIO, "cannot create %s: %s", path, strerror(e));
    }
    g->count++;
    *staged = out->tmp_path;
    return NT_OK;
}

/* A final name that is a folder would make its rename fail after others succeeded. */
static int check_targets(const nt_output_group *g, nt_error *err)
{
    struct stat st;
    for (size_t i = 0; i < g->count; i++)
        if (lstat(g->files[i].path, &st) == 0 && S_ISDIR(st.st_mode))
            return nt_error_set(err, NT_EIO, "cannot write %s: it is a folder",
                                g->files[i].path);
    return NT_OK;
}

int nt_output_group_commit(nt_output_group *g, nt_error *err)
{
    if (g->count == 0)
        return NT_OK;
    int rc = check_targets(g, err);
    size_t done = 0;
    sigset_t all, saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    int renaming = rc == NT_OK && nt_output_renaming_begin();
    if (rc == NT_OK && !renaming)
        rc = nt_error_set(err, NT_EIO, "interrupted before writing %s", g->files[0].path);
    for (; rc == NT_OK && done < g->count; done++)
        if (rename(g->files[done].tmp_path, g->files[done].path) != 0) {
            int e = errno;
            rc = done == 0 ? nt_error_set(err, NT_EIO, "cannot write %s: %s",
                                          g->files[done].path, strerror(e))
                           : nt_error_set(err, NT_EIO, "cannot write %s: %s (the %zu file%s "
                                          "of the set before it, from %s, already replaced)",
                                          g->files[done].path, strerror(e), done,
                                          done == 1 ? "" : "s", g->files[0].path);
            break;
        }
    for (size_t i = 0; i < done; i++)
        nt_output_forget(&g->files[i]);
    for (size_t i = done; i < g->count; i++)
        nt_output_abort(&g->files[i]);
    if (renaming)
        nt_output_renaming_end();
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    free(g->files);
    nt_output_group_init(g);
    return rc;
}

void nt_output_group_abort(nt_output_group *g)
{
    for (size_t i = 0; i < g->count; i++)
        nt_output_abort(&g->files[i]);
    free(g->files);
    nt_output_group_init(g);
}
