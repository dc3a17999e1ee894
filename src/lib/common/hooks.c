/* hooks.c: forwarding log messages and progress to the caller's callbacks. */
#include "nmftopics/hooks.h"

#include <stdarg.h>
#include <stdio.h>

void nt_hooks_log(const nt_hooks *hooks, nt_log_level level, const char *format, ...)
{
    if (!hooks || !hooks->log)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    hooks->log(hooks->user, level, message);
}

void nt_hooks_progress(const nt_hooks *hooks, const char *phase, size_t done, size_t total)
{
    if (hooks && hooks->progress)
        hooks->progress(hooks->user, phase, done, total);
}
