/* cli_text_options.h: the text and TF-IDF option groups shared by the tfidf, fit,
 * transform and rank subcommands. */
#ifndef NT_CLI_TEXT_OPTIONS_H
#define NT_CLI_TEXT_OPTIONS_H

#include "cli_args.h"
#include "nmftopics/dtm.h"

typedef struct cli_text_options {
    nt_text_options text;    /* language and stop-word file point into argv */
    nt_tfidf_options tfidf;
} cli_text_options;

/* Library defaults (nt_text_options_init, nt_tfidf_options_init). */
void cli_text_options_init(cli_text_options *o);

/* The group titled "Text options" (tokens, stop words, stemming, vocabulary). */
cli_option_group cli_text_option_group(cli_text_options *o);

/* The group titled "TF-IDF options" (--sublinear-tf, --no-idf, --norm). */
cli_option_group cli_tfidf_option_group(cli_text_options *o);

/* After parsing: validates the combination (min-df above max-df, an unknown language...).
 * Prints a usage error naming the options and returns CLI_USAGE_ERROR, or CLI_PARSED. */
int cli_text_options_finish(const cli_text_options *o, const char *command);

#endif
