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
    cli_option offered[8];      /* the options of the group, chosen by the group's mask */
} cli_output_options;

/* Library defaults, no output folder. */
void cli_output_options_init(cli_output_options *o);

/* Which options a group offers. */
enum {
    CLI_OUTPUT_TERMS = 1,   /* --top-terms */
    CLI_OUTPUT_DOCS = 2,    /* --top-docs */
    CLI_OUTPUT_FOLDER = 4,  /* -o, --force */
    CLI_OUTPUT_CLOUD = 8    /* --cloud-words */
};

/* The group titled "Output options", offering the options selected by the mask which. */
cli_option_group cli_output_option_group(cli_output_options *o, unsigned which);

/* Before any work: an existing OUTDIR without --force, an OUTDIR that is not a folder, or
 * a missing parent folder is refused with "nmftopics: COMMAND: ..." on stderr; returns 0
 * when writing can go ahead, else NT_EXIT_RUNTIME. */
int cli_output_check(const cli_output_options *o, const char *command);

/* After the work: prints the text report of docs (NULL: the model alone) on stdout, then,
 * with -o, creates OUTDIR when missing and writes the report files selected by files (a
 * mask of enum nt_report_files), and model.ntm when save_model is set, all renamed into
 * place together once every one is complete, so OUTDIR never mixes two runs' files; with
 * --force and NT_REPORT_TOPICS, then removes the topic_NN.words.tsv files of an earlier run
 * with more topics. Returns NT_OK or the error naming the file at fault. */
int cli_output_report(const cli_output_options *o, unsigned files, const nt_model *model,
                      const nt_doc_topics *docs, int save_model, const nt_hooks *hooks,
                      nt_error *err);

/* Prints on stdout, without a newline, what a model's fit was: "D documents, N terms, Z
 * nonzeros, k = K, ALGORITHM, relative error E, I iterations" and " (not converged)". */
void cli_print_model_fit(const nt_model *model);

#endif
