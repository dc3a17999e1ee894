/* cholmod_context.c: CHOLMOD prints its errors unless told otherwise; the library must not. */
#include "cholmod_context.h"

#include <stdio.h>

static _Thread_local char last_message[256];

static void record_error(int status, const char *file, int line, const char *message)
{
    (void)status;
    (void)file;
    (void)line;
    snprintf(last_message, sizeof last_message, "%s", message ? message : "");
}

void nt_cholmod_start(cholmod_common *cc)
{
    cholmod_start(cc);
    cc->print = 0;
    cc->error_handler = record_error;
    last_message[0] = '\0';
}

const char *nt_cholmod_last_message(void)
{
    return last_message;
}
