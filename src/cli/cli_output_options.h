/* cli_output_options.h: the report and output-folder options shared by fit, transform
 * and report, and the output folder's lifecycle (refuse, create, tidy). */
#ifndef NT_CLI_OUTPUT_OPTIONS_H
#define NT_CLI_OUTPUT_OPTIONS_H

#include "cli_args.h"
#include "cli_main.h"
#include "nmftopics/report.h"

typedef struct cli_output_options {
    nt_report_options report;   /* --top-terms, --top-docs, --cloud-words */
    const char *outdir;         /* -o OUTDIR, or NULL: report on stdout only */
    int force;                  /* --force: write into an existing OUTDIR */
    cli_progress_mode progress; /* --progress / --quiet */
    cli_option offered[8];      /* the options of the group, chosen by the group's mask */
} cli_output_options;

/* Library defaults, no output folder, progress on a terminal only. */
void cli_output_options_init(cli_output_options *o);

/* Which options a group offers. */
enum {
    CLI_OUTPUT_TERMS = 1,   /* --top-terms */
    CLI_OUTPUT_DOCS = 2,    /* --top-docs */
    CLI_OUTPUT_FOLDER = 4,  /* -o, --force */
    CLI_OUTPUT_CLOUD = 8,   /* --cloud-words */
    CLI_OUTPUT_PROGRESS = 16 /* --progress, --quiet */
};

/* The group titled "Output options", offering the options selected by the mask which. */
cli_option_group cli_output_option_group(cli_output_options *o, unsigned which);

/* Before any work: an existing OUTDIR without --force, an OUTDIR that is not a folder, or
 * a missing parent folder is refused with "nmftopics: COMMAND: ..." on stderr; returns 0
 * when writing can go ahead, else NT_EXIT_RUNTIME. */
int cli_output_check(const cli_output_options *o, const char *command);

/* After the work: creates OUTDIR when missing. Returns NT_OK or NT_EIO naming it. */
int cli_output_create(const cli_output_options *o, nt_error *err);

/* With --force, removes the topic_NN.words.tsv files of an earlier run with more than k
 * topics, so the folder describes one run only. */
void cli_output_remove_stale_topics(const cli_output_options *o, size_t k);

/* Seconds on a monotonic clock, for the stage timings of the summary lines. */
double cli_now(void);

#endif
