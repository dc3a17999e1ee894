/* output.h: output files written under a temporary name and renamed into place on success,
 * so a failed or interrupted run never leaves a half-written file behind. */
#ifndef NMFTOPICS_OUTPUT_H
#define NMFTOPICS_OUTPUT_H

#include <stdio.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nt_output {
    FILE *fp;        /* write here between open and commit/abort */
    char *path;      /* final name, owned */
    char *tmp_path;  /* temporary name in the same folder, owned */
} nt_output;

/* Creates a temporary file beside path (path + ".tmp.XXXXXX") and opens it for writing.
 * On success out owns path, tmp_path and fp until nt_output_commit or nt_output_abort,
 * one of which must follow. Returns NT_OK, NT_ENOMEM, or NT_EIO naming path; on failure
 * out holds nothing. */
int nt_output_open(nt_output *out, const char *path, nt_error *err);

/* Flushes, closes and renames the temporary file to its final name. Returns NT_OK, or
 * NT_EIO with the temporary file removed and err naming the path. */
int nt_output_commit(nt_output *out, nt_error *err);

/* Closes and removes the temporary file; safe on a zeroed or already finished nt_output. */
void nt_output_abort(nt_output *out);

/* Removes every temporary file still open (the staged files of groups too), and makes every
 * later nt_output_open fail (on any thread), so no new temporary file outlives it. While a
 * group renames its files it waits until the whole set is in place. Async-signal-safe:
 * meant for a signal handler that then ends the process. */
void nt_output_remove_pending(void);

/* A set of output files that appear together or not at all: the final files are renamed
 * into place only once every file of the set has been written and closed, and a failure
 * leaves no file of the set changed (an earlier run's files stay as they were). */
typedef struct nt_output_group {
    nt_output *files;  /* staged files, size count; each fp is NULL (closed) */
    size_t count;
    size_t capacity;   /* allocated size of files */
} nt_output_group;

/* An empty group. */
void nt_output_group_init(nt_output_group *g);

/* Adds path to the group: creates an empty staging file beside it (path + ".tmp.XXXXXX")
 * and sets *staged to that name, owned by the group until commit or abort. The caller
 * writes the file's content to *staged by any means, such as a writer taking a path
 * (which replaces the staging file through its own temporary) or nt_output_open. Returns
 * NT_OK, NT_ENOMEM, or NT_EIO naming path (*staged is then NULL). */
int nt_output_group_add(nt_output_group *g, const char *path, const char **staged,
                        nt_error *err);

/* Renames every staged file to its final name, with signals held off so that an interrupt
 * cannot split the set. Before any rename it checks that no final name is a folder; a
 * rename failing after that (an I/O error) leaves the files renamed before it in place,
 * and err says which. Returns NT_OK or NT_EIO naming the file; on failure the staged
 * files left are removed. Either way the group ends empty, as after nt_output_group_init. */
int nt_output_group_commit(nt_output_group *g, nt_error *err);

/* Removes every staged file and empties the group; the final files are not touched.
 * Safe on an empty group and after commit. */
void nt_output_group_abort(nt_output_group *g);

#ifdef __cplusplus
}
#endif
#endif
