/* cholmod_context.h: a silent CHOLMOD context whose error messages are kept, not printed. */
#ifndef NT_CHOLMOD_CONTEXT_H
#define NT_CHOLMOD_CONTEXT_H

#include <cholmod.h>

/* Starts cc with printing off and an error hook that records CHOLMOD's last message. */
void nt_cholmod_start(cholmod_common *cc);

/* CHOLMOD's last error message on this thread, or "" when there was none. */
const char *nt_cholmod_last_message(void);

#endif
