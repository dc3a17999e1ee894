/* cli_args.h: declarative option tables shared by every subcommand: parsing and --help. */
#ifndef NT_CLI_ARGS_H
#define NT_CLI_ARGS_H

#include <stddef.h>
#include <stdio.h>

#include "nmftopics/error.h"

/* One long option (and optional one-letter alias). help states the default. */
typedef struct cli_option {
    const char *name;     /* long name without the dashes, e.g. "min-df" */
    char short_name;      /* e.g. 'k', or 0 for none */
    const char *metavar;  /* NULL for a flag that takes no value */
    const char *help;     /* one line, including "(default: ...)" where there is one */
} cli_option;

/* Applies one parsed option to target; value is NULL for flags. Returns 0 or fills err
 * (naming the option and value) and returns a negative status. */
typedef int (*cli_option_handler)(void *target, const char *name, const char *value, nt_error *err);

typedef struct cli_option_group {
    const char *title;           /* heading in --help, e.g. "Text options" */
    const cli_option *options;   /* size count */
    size_t count;
    cli_option_handler handle;
    void *target;
} cli_option_group;

typedef struct cli_command_spec {
    const char *name;         /* subcommand, e.g. "tfidf" */
    const char *usage;        /* e.g. "DIR -o PREFIX [options]" */
    const char *summary;      /* one paragraph for --help */
    size_t min_positionals;
    size_t max_positionals;
} cli_command_spec;

/* Outcome of cli_parse. */
enum { CLI_PARSED = 0, CLI_HELP_SHOWN = 1, CLI_USAGE_ERROR = 2 };

/* Parses argv[1..argc-1] (argv[0] is the subcommand name). Positionals are stored in
 * positionals (capacity max_positionals) and counted in *npositionals. On --help prints
 * the help to stdout and returns CLI_HELP_SHOWN; on a usage error prints one line
 * "nmftopics: ..." to stderr and returns CLI_USAGE_ERROR. */
int cli_parse(const cli_command_spec *spec, const cli_option_group *groups, size_t ngroups,
              int argc, char **argv, const char **positionals, size_t *npositionals);

void cli_print_help(FILE *out, const cli_command_spec *spec,
                    const cli_option_group *groups, size_t ngroups);

/* Value parsers for handlers: each names the option and the bad value in err. */
int cli_parse_long(const char *option, const char *value, long min, long max, long *out, nt_error *err);
int cli_parse_double(const char *option, const char *value, double min, double max, double *out,
                     nt_error *err);
/* Returns the index of value in choices (size n), or fills err listing the choices. */
int cli_parse_choice(const char *option, const char *value, const char *const *choices, size_t n,
                     int *out, nt_error *err);

#endif
