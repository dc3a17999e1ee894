/* cli_text_options.h: the text and TF-IDF option groups shared by the tfidf, fit,
 * transform and rank subcommands. */
#ifndef NT_CLI_TEXT_OPTIONS_H
#define NT_CLI_TEXT_OPTIONS_H

#include "cli_args.h"
#include "nmftopics/dtm.h"

typedef struct cli_text_options {
    nt_text_options text;    /* language points into argv; the words of --stopwords FILE
                                become extra_stopwords once loaded */
    nt_tfidf_options tfidf;
    const char *stopwords_path; /* --stopwords FILE, or NULL */
    char **stopwords;        /* its words (nt_stopwords_list), read by cli_text_options_load */
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

/* Before the work: reads the words of --stopwords FILE once, into text.extra_stopwords,
 * so that the matrix and a model built from it use the same words (the file is not read
 * again). Returns NT_OK or the error naming the file. */
int cli_text_options_load(cli_text_options *o, nt_error *err);

/* Releases what cli_text_options_load read. */
void cli_text_options_free(cli_text_options *o);

#endif
