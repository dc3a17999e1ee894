/* cli_corpus_options.h: where the documents come from (a folder DIR, --files-from FILE or
 * --lines FILE), shared by tfidf, fit, transform, rank and evaluate, and the two ways those
 * commands turn the documents into a matrix. */
#ifndef NT_CLI_CORPUS_OPTIONS_H
#define NT_CLI_CORPUS_OPTIONS_H

#include "cli_args.h"
#include "cli_text_options.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/model.h"

typedef struct cli_corpus_options {
    const char *dir;         /* the DIR positional, set by cli_corpus_options_finish */
    const char *files_from;  /* --files-from FILE */
    const char *lines;       /* --lines FILE */
} cli_corpus_options;

/* No input chosen yet. */
void cli_corpus_options_init(cli_corpus_options *o);

/* The group titled "Input options" (--files-from, --lines). */
cli_option_group cli_corpus_option_group(cli_corpus_options *o);

/* After parsing: dirs (size ndirs, 0 or 1) are the DIR positionals. Exactly one of DIR,
 * --files-from and --lines must be given; otherwise prints a usage error naming the
 * command and its usage and returns CLI_USAGE_ERROR, else CLI_PARSED. */
int cli_corpus_options_finish(cli_corpus_options *o, const char *const *dirs, size_t ndirs,
                              const cli_command_spec *spec);

/* Parses a command whose positionals are MODEL then DIR (spec allows 1 or 2): *model is
 * the first, the rest go to cli_corpus_options_finish. Returns CLI_PARSED,
 * CLI_HELP_SHOWN or CLI_USAGE_ERROR, as cli_parse does. */
int cli_parse_model_and_corpus(const cli_command_spec *spec, const cli_option_group *groups,
                               size_t ngroups, int argc, char **argv, cli_corpus_options *o,
                               const char **model);

/* Opens the chosen corpus (nt_corpus_open_dir, _file_list or _lines). */
int cli_corpus_open(const cli_corpus_options *o, const nt_hooks *hooks, nt_corpus **out,
                    nt_error *err);

/* Opens the corpus and builds its TF-IDF matrix with the text options (nt_dtm_build). */
int cli_corpus_build(const cli_corpus_options *o, const cli_text_options *t,
                     const nt_hooks *hooks, nt_dtm **dtm, nt_error *err);

/* Loads the model at model_path, opens the corpus and gives its documents topic weights
 * under the model (nt_model_transform). On failure everything is released and NULL. */
int cli_corpus_transform(const cli_corpus_options *o, const char *model_path, int threads,
                         const nt_hooks *hooks, nt_model **model, nt_dtm **dtm, double **w,
                         nt_error *err);

#endif
