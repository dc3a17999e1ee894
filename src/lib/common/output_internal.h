/* output_internal.h: what output.c shares with output_group.c about the registry of
 * temporary files. */
#ifndef NT_OUTPUT_INTERNAL_H
#define NT_OUTPUT_INTERNAL_H

#include "nmftopics/output.h"

/* Unregisters out's temporary file and frees its names without touching any file: for a
 * temporary that has just been renamed to its final name. */
void nt_output_forget(nt_output *out);

/* Called by a group before its renames: 1 when they may go ahead, and then a signal
 * handler calling nt_output_remove_pending on another thread waits until
 * nt_output_renaming_end; 0 when the process is already being interrupted. */
int nt_output_renaming_begin(void);
void nt_output_renaming_end(void);

#endif
