/* cli_run_options.c: --threads, --quiet and --progress, parsed once for every subcommand. */
#define _POSIX_C_SOURCE 200809L
#include "cli_run_options.h"

#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void cli_run_options_init(cli_run_options *o)
{
    memset(o, 0, sizeof *o);
    o->progress = CLI_PROGRESS_AUTO;
}

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    cli_run_options *o = target;
    long v;
    if (strcmp(name, "quiet") == 0) {
        o->progress = CLI_PROGRESS_OFF;
    } else if (strcmp(name, "progress") == 0) {
        o->progress = CLI_PROGRESS_ON;
    } else {
        int rc = cli_parse_long(name, value, 0, 1024, &v, err);
        if (rc != 0)
            return rc;
        o->threads = (int)v;
        if (v > 0)  /* also the default of library steps without a thread count of their own */
            omp_set_num_threads((int)v);
    }
    return 0;
}

cli_option_group cli_run_option_group(cli_run_options *o, const char *stages)
{
    snprintf(o->threads_help, sizeof o->threads_help,
             "threads for %s, 0 = all cores (default: 0)", stages);
    o->offered[0] = (cli_option){"threads", 0, "N", o->threads_help};
    o->offered[1] = (cli_option){"quiet", 'q', NULL, "print only warnings and errors on stderr "
                                                     "(no progress bar, no summary there)"};
    o->offered[2] = (cli_option){"progress", 0, NULL, "draw a progress bar even when stderr is "
                                                      "not a terminal (default: only on a "
                                                      "terminal)"};
    return (cli_option_group){"Run options", o->offered, 3, handle, o};
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
