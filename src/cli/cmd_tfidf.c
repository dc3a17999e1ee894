/* cmd_tfidf.c: `nmftopics tfidf DIR -o PREFIX`: a corpus to a sparse TF-IDF matrix with its
 * terms and document names. */
#include <stdio.h>
#include <string.h>

#include "cli_args.h"
#include "cli_corpus_options.h"
#include "cli_main.h"
#include "cli_output_path.h"
#include "cli_run_options.h"
#include "cli_text_options.h"
#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"

typedef struct tfidf_args {
    const char *prefix;      /* -o PREFIX */
    int list_languages;      /* --list-languages */
    cli_corpus_options corpus;
    cli_run_options run;
    cli_text_options text;
} tfidf_args;

static const cli_option output_options[] = {
    {"output", 'o', "PREFIX", "write PREFIX.mtx (documents x terms, Matrix Market), PREFIX.terms "
                              "(stem, surface form, df) and PREFIX.docs (required)"},
    {"list-languages", 0, NULL, "list the languages of --language and exit"},
};

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    tfidf_args *a = target;
    if (strcmp(name, "output") == 0)
        return cli_parse_output(name, value, CLI_OUTPUT_PATH_PREFIX, &a->prefix, err);
    a->list_languages = 1;
    return 0;
}

static const cli_command_spec spec = {
    "tfidf", "DIR -o PREFIX [options]",
    "Turns a corpus into a TF-IDF matrix: DIR is walked recursively in sorted order (hidden\n"
    "files skipped); --files-from or --lines name the documents instead. Row i of the matrix\n"
    "is line i of PREFIX.docs; files holding NUL bytes are skipped with a warning, empty\n"
    "documents kept as empty rows. Column j is line j of PREFIX.terms. Prints a summary\n"
    "line on stderr.",
    0, 1};

/* Every stemmer language, and which have a bundled stop-word list; bundled lists without
 * a stemmer (usable with --no-stem) are listed too. */
static int list_languages(void)
{
    const char *const *stems = nt_stem_languages(), *const *lists = nt_stopwords_bundled();
    for (size_t i = 0; stems[i]; i++) {
        int has_list = 0;
        for (size_t k = 0; lists[k] && !has_list; k++)
            has_list = strcmp(stems[i], lists[k]) == 0;
        printf("%-12s stemmer%s\n", stems[i], has_list ? ", stop words" : "");
    }
    for (size_t k = 0; lists[k]; k++) {
        int has_stemmer = 0;
        for (size_t i = 0; stems[i] && !has_stemmer; i++)
            has_stemmer = strcmp(stems[i], lists[k]) == 0;
        if (!has_stemmer)
            printf("%-12s stop words (with --no-stem)\n", lists[k]);
    }
    return NT_EXIT_OK;
}

/* seconds[0]: listing and building, seconds[1]: writing. */
static void print_summary(const nt_dtm *d, const char *prefix, const double seconds[2])
{
    const nt_dtm_stats *s = &d->stats;
    cli_progress_finish();
    fprintf(stderr,
            "tfidf: %zu documents (%zu binary skipped, %zu read as Latin-1, %zu empty rows), "
            "%zu terms, %d nonzeros; %.1f MB built in %.2f s, written in %.2f s -> "
            "%s.{mtx,terms,docs}\n",
            s->documents, s->skipped_binary, s->decoded_latin1, s->empty_rows,
            d->vocab->n_terms, ((const int *)d->A->p)[d->A->ncol], (double)s->bytes / 1e6,
            seconds[0], seconds[1], prefix);
}

static int run(tfidf_args *a)
{
    double start = cli_now(), seconds[2] = {0, 0};
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->run.progress);
    nt_dtm *dtm = NULL;
    int rc = cli_text_options_load(&a->text, &err);
    if (rc == NT_OK)
        rc = cli_corpus_build(&a->corpus, &a->text, &hooks, &dtm, &err);
    seconds[0] = cli_now() - start;
    if (rc == NT_OK)
        rc = nt_dtm_write(dtm, a->prefix, &err);
    seconds[1] = cli_now() - start - seconds[0];
    if (rc == NT_OK && a->run.progress != CLI_PROGRESS_OFF)
        print_summary(dtm, a->prefix, seconds);
    nt_dtm_free(dtm);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

/* Parses the command line into a; returns CLI_PARSED, CLI_HELP_SHOWN or CLI_USAGE_ERROR.
 * --list-languages needs no input. */
static int parse(int argc, char **argv, tfidf_args *a)
{
    memset(a, 0, sizeof *a);
    cli_corpus_options_init(&a->corpus);
    cli_run_options_init(&a->run);
    cli_text_options_init(&a->text);
    cli_option_group groups[5] = {
        {"Output options", output_options, sizeof output_options / sizeof output_options[0],
         handle, a},
        cli_corpus_option_group(&a->corpus),
        cli_run_option_group(&a->run, "listing, reading and tokenizing, and writing the matrix"),
        cli_text_option_group(&a->text), cli_tfidf_option_group(&a->text)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 5, argc, argv, pos, &npos);
    if (parsed != CLI_PARSED || a->list_languages)
        return parsed;
    parsed = cli_corpus_options_finish(&a->corpus, pos, npos, &spec);
    if (parsed == CLI_PARSED && !a->prefix) {
        cli_error("tfidf: missing -o PREFIX (usage: nmftopics tfidf %s)", spec.usage);
        parsed = CLI_USAGE_ERROR;
    }
    if (parsed == CLI_PARSED)
        parsed = cli_text_options_finish(&a->text, spec.name);
    a->text.text.threads = a->run.threads;
    return parsed;
}

int cmd_tfidf(int argc, char **argv)
{
    tfidf_args a;
    int parsed = parse(argc, argv, &a);
    if (parsed == CLI_PARSED && a.list_languages)
        return list_languages();
    if (parsed != CLI_PARSED)
        return parsed == CLI_HELP_SHOWN ? NT_EXIT_OK : NT_EXIT_USAGE;
    int code = cli_output_prefix_check(a.prefix, spec.name);
    if (code == NT_EXIT_OK)
        code = run(&a);
    cli_text_options_free(&a.text);
    return code;
}
