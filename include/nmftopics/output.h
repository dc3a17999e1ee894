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

/* Creates a temporary file beside path and opens it for writing. */
int nt_output_open(nt_output *out, const char *path, nt_error *err);

/* Flushes, closes and renames the temporary file to its final name. On failure the
 * temporary file is removed and err names the path. */
int nt_output_commit(nt_output *out, nt_error *err);

/* Closes and removes the temporary file; safe on a zeroed or already finished nt_output. */
void nt_output_abort(nt_output *out);

/* Removes every temporary file still open, and makes every later nt_output_open fail (on any
 * thread), so no new temporary file outlives it. Async-signal-safe: meant for a signal
 * handler that then ends the process. */
void nt_output_remove_pending(void);

#ifdef __cplusplus
}
#endif
#endif
