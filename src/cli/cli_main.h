/* cli_main.h: what every subcommand shares: exit codes, messages, progress display. */
#ifndef NT_CLI_MAIN_H
#define NT_CLI_MAIN_H

#include "nmftopics/error.h"
#include "nmftopics/hooks.h"

/* Exit codes of the nmftopics program. */
enum { NT_EXIT_OK = 0, NT_EXIT_RUNTIME = 1, NT_EXIT_USAGE = 2 };

/* Prints "nmftopics: <message>" and a newline on stderr. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Prints a library error record as one line on stderr; returns NT_EXIT_RUNTIME. */
int cli_fail(const nt_error *err);

/* Progress display choice, from --progress / --quiet. */
typedef enum { CLI_PROGRESS_AUTO, CLI_PROGRESS_ON, CLI_PROGRESS_OFF } cli_progress_mode;

/* Fills hooks so that warnings always go to stderr (--quiet keeps them), information
 * messages only when mode is not CLI_PROGRESS_OFF, and progress is drawn on stderr when
 * mode says so (AUTO: only when stderr is a terminal). */
void cli_hooks_init(nt_hooks *hooks, cli_progress_mode mode);

/* Ends any progress line still on screen. */
void cli_progress_finish(void);

/* Subcommand entry points: argv[0] is the subcommand name. Each returns an exit code. */
typedef int (*cli_command_fn)(int argc, char **argv);

#endif
