/* output_internal.h: what output.c shares with output_group.c about the registry of
 * temporary files. */
#ifndef NT_OUTPUT_INTERNAL_H
#define NT_OUTPUT_INTERNAL_H

#include <signal.h>

#include "nmftopics/output.h"

/* Unregisters out's temporary file and frees its names without touching any file: for a
 * temporary that has just been renamed to its final name. */
void nt_output_forget(nt_output *out);

/* Holds off every signal in the calling thread; the old mask goes to saved. */
void nt_output_block_signals(sigset_t *saved);

/* on = 1 while a group renames its files, so that nt_output_remove_pending, run by a
 * signal handler on another thread, waits until the set is complete; then on = 0. */
void nt_output_renaming(int on);

#endif
