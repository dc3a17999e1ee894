/* cli_nmf_options.h: the NMF option group shared by the factor, fit and rank subcommands. */
#ifndef NT_CLI_NMF_OPTIONS_H
#define NT_CLI_NMF_OPTIONS_H

#include "cli_args.h"
#include "nmftopics/nmf.h"

typedef struct cli_nmf_options {
    nt_nmf_options nmf;        /* library options; init_w/init_h point at the loaded files */
    const char *init_w_path;   /* --init-w FILE (m x k Matrix Market) */
    const char *init_h_path;   /* --init-h FILE (k x n Matrix Market) */
    double *init_w;            /* loaded by cli_nmf_options_prepare, factor-major, size m*k */
    double *init_h;            /* size k*n, factor-major */
} cli_nmf_options;

/* Library defaults, no custom files. */
void cli_nmf_options_init(cli_nmf_options *o);

/* The option group (title "NMF options") that fills o. */
cli_option_group cli_nmf_option_group(cli_nmf_options *o);

/* After parsing, before any input is read: checks that --init custom and --init-w/--init-h
 * come together and that the options go together (nt_nmf_options_check_settings). Prints a
 * usage error "nmftopics: COMMAND: ..." and returns CLI_USAGE_ERROR, or returns CLI_PARSED. */
int cli_nmf_options_finish(cli_nmf_options *o, const char *command);

/* Once the input is known to be m x n: reads the custom init files (with --init custom),
 * checking their sizes and naming the file at fault, then checks every option against
 * m x n (nt_nmf_options_check). Returns NT_OK or the error; factor and fit both call it. */
int cli_nmf_options_prepare(cli_nmf_options *o, size_t m, size_t n, nt_error *err);

/* Frees the loaded init factors; accepts NULL. */
void cli_nmf_options_free(cli_nmf_options *o);

#endif
