/* cli_report.c: error lines, warnings and the progress bar on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_main.h"

static int progress_shown;  /* a progress line is on screen and needs a newline */
static int info_quiet;  /* --quiet: information messages are dropped, warnings kept */

void cli_progress_finish(void)
{
    if (progress_shown) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
}

void cli_error(const char *format, ...)
{
    cli_progress_finish();
    va_list ap;
    va_start(ap, format);
    fputs("nmftopics: ", stderr);
    vfprintf(stderr, format, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_fail(const nt_error *err)
{
    cli_error("%s", err->message[0] ? err->message : nt_status_string(err->status));
    return NT_EXIT_RUNTIME;
}

static void log_to_stderr(void *user, nt_log_level level, const char *message)
{
    (void)user;
    if (info_quiet && level != NT_LOG_WARNING)
        return;
    cli_progress_finish();
    fprintf(stderr, "nmftopics: %s%s\n", level == NT_LOG_WARNING ? "warning: " : "", message);
}

static void draw_progress(void *user, const char *phase, size_t done, size_t total)
{
    (void)user;
    if (total > 0) {
        int width = 30, filled = (int)(width * (done > total ? 1.0 : (double)done / (double)total));
        char bar[31];
        memset(bar, '#', (size_t)filled);
        memset(bar + filled, '.', (size_t)(width - filled));
        bar[width] = '\0';
        fprintf(stderr, "\r%-12s [%s] %zu/%zu\033[K", phase, bar, done, total);
    } else {
        fprintf(stderr, "\r%-12s %zu\033[K", phase, done);
    }
    progress_shown = 1;
}

void cli_hooks_init(nt_hooks *hooks, cli_progress_mode mode)
{
    int show = mode == CLI_PROGRESS_ON || (mode == CLI_PROGRESS_AUTO && isatty(STDERR_FILENO));
    info_quiet = mode == CLI_PROGRESS_OFF;
    hooks->log = log_to_stderr;
    hooks->progress = show ? draw_progress : NULL;
    hooks->user = NULL;
}
