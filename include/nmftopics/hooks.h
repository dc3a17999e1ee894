/* hooks.h: how the library reports warnings and progress without printing itself. */
#ifndef NMFTOPICS_HOOKS_H
#define NMFTOPICS_HOOKS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nt_log_level { NT_LOG_INFO = 0, NT_LOG_WARNING = 1 } nt_log_level;

/* Receives one complete message, without a trailing newline. */
typedef void (*nt_log_fn)(void *user, nt_log_level level, const char *message);

/* Receives the progress of a named phase ("reading", "nmf", ...); total may be 0 when
 * unknown. Called from the thread that drives the phase, never from worker threads. */
typedef void (*nt_progress_fn)(void *user, const char *phase, size_t done, size_t total);

/* Callbacks a caller may set; any member may be NULL, and so may a pointer to the struct. */
typedef struct nt_hooks {
    nt_log_fn log;
    nt_progress_fn progress;
    void *user;  /* passed back to both callbacks */
} nt_hooks;

/* Formats a message and hands it to hooks->log, if set. */
void nt_hooks_log(const nt_hooks *hooks, nt_log_level level, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Forwards to hooks->progress, if set. */
void nt_hooks_progress(const nt_hooks *hooks, const char *phase, size_t done, size_t total);

#ifdef __cplusplus
}
#endif
#endif
