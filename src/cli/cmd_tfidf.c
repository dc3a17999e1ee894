/* cmd_tfidf.c: `nmftopics tfidf DIR -o PREFIX`: a corpus to a sparse TF-IDF matrix with its
 * terms and document names. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli_args.h"
#include "cli_main.h"
#include "cli_text_options.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"

typedef struct tfidf_args {
    const char *prefix;      /* -o PREFIX */
    const char *files_from;  /* --files-from FILE */
    const char *lines;       /* --lines FILE */
    int list_languages;
    cli_progress_mode progress;
} tfidf_args;

static const cli_option io_options[] = {
    {"output", 'o', "PREFIX", "write PREFIX.mtx (documents x terms, Matrix Market), PREFIX.terms "
                              "(stem, surface form, df) and PREFIX.docs (required)"},
    {"files-from", 0, "FILE", "read the files listed in FILE, one path per line, instead of DIR"},
    {"lines", 0, "FILE", "take each line of FILE as one document, instead of DIR"},
    {"list-languages", 0, NULL, "list the languages of --language and exit"},
    {"quiet", 'q', NULL, "no progress bar and no summary line (warnings are still shown)"},
    {"progress", 0, NULL, "draw a progress bar even when stderr is not a terminal "
                          "(default: only on a terminal)"},
};

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    (void)err;
    tfidf_args *a = target;
    if (strcmp(name, "output") == 0)
        a->prefix = value;
    else if (strcmp(name, "files-from") == 0)
        a->files_from = value;
    else if (strcmp(name, "lines") == 0)
        a->lines = value;
    else if (strcmp(name, "list-languages") == 0)
        a->list_languages = 1;
    else if (strcmp(name, "quiet") == 0)
        a->progress = CLI_PROGRESS_OFF;
    else
        a->progress = CLI_PROGRESS_ON;
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

/* Exactly one input and an output prefix; prints a usage error otherwise. */
static int check_inputs(const tfidf_args *a, size_t npos)
{
    int inputs = (npos > 0) + (a->files_from != NULL) + (a->lines != NULL);
    if (inputs != 1) {
        cli_error("tfidf: %s (usage: nmftopics tfidf %s)",
                  inputs ? "give only one of DIR, --files-from and --lines"
                         : "missing DIR (or --files-from FILE or --lines FILE)",
                  spec.usage);
        return CLI_USAGE_ERROR;
    }
    if (!a->prefix) {
        cli_error("tfidf: missing -o PREFIX (usage: nmftopics tfidf %s)", spec.usage);
        return CLI_USAGE_ERROR;
    }
    return CLI_PARSED;
}

static int open_corpus(const tfidf_args *a, const char *dir, const nt_hooks *hooks,
                       nt_corpus **corpus, nt_error *err)
{
    if (a->files_from)
        return nt_corpus_open_file_list(a->files_from, hooks, corpus, err);
    if (a->lines)
        return nt_corpus_open_lines(a->lines, hooks, corpus, err);
    return nt_corpus_open_dir(dir, hooks, corpus, err);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
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

static int run(const tfidf_args *a, const char *dir, const cli_text_options *t)
{
    double start = now(), seconds[2] = {0, 0};
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->progress);
    nt_corpus *corpus = NULL;
    nt_dtm *dtm = NULL;
    int rc = open_corpus(a, dir, &hooks, &corpus, &err);
    if (rc == NT_OK)
        rc = nt_dtm_build(corpus, &t->text, &t->tfidf, &hooks, &dtm, &err);
    seconds[0] = now() - start;
    if (rc == NT_OK)
        rc = nt_dtm_write(dtm, a->prefix, &err);
    seconds[1] = now() - start - seconds[0];
    if (rc == NT_OK && a->progress != CLI_PROGRESS_OFF)
        print_summary(dtm, a->prefix, seconds);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_tfidf(int argc, char **argv)
{
    tfidf_args a = {NULL, NULL, NULL, 0, CLI_PROGRESS_AUTO};
    cli_text_options t;
    cli_text_options_init(&t);
    cli_option_group groups[3] = {
        {"Input and output", io_options, sizeof io_options / sizeof io_options[0], handle, &a},
        cli_text_option_group(&t), cli_tfidf_option_group(&t)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 3, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed == CLI_PARSED && a.list_languages)
        return list_languages();
    if (parsed == CLI_PARSED)
        parsed = check_inputs(&a, npos);
    if (parsed == CLI_PARSED)
        parsed = cli_text_options_finish(&t, "tfidf");
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    return run(&a, npos ? pos[0] : NULL, &t);
}
