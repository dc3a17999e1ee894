/* cli_run_options.h: the options every working subcommand shares: --threads for all of its
 * stages, and how much it says on stderr (--quiet, --progress); and its clock. */
#ifndef NT_CLI_RUN_OPTIONS_H
#define NT_CLI_RUN_OPTIONS_H

#include "cli_args.h"
#include "cli_main.h"

typedef struct cli_run_options {
    int threads;                /* --threads N, 0 = all cores */
    cli_progress_mode progress; /* --quiet / --progress */
    char threads_help[160];     /* the help line of --threads, naming the stages it drives */
    cli_option offered[3];      /* the group's options, pointing at threads_help */
} cli_run_options;

/* All cores, progress on a terminal only. */
void cli_run_options_init(cli_run_options *o);

/* The group titled "Run options". stages says what the threads run in this command, e.g.
 * "reading, tokenizing and the factorisation"; it is copied into the help line. */
cli_option_group cli_run_option_group(cli_run_options *o, const char *stages);

/* Seconds on a monotonic clock, for the stage timings of the summary lines. */
double cli_now(void);

#endif
