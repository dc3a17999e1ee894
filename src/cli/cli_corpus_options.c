/* cli_corpus_options.c: one way to name the documents for every subcommand that reads them. */
#include "cli_corpus_options.h"

#include <stdlib.h>
#include <string.h>

#include "cli_main.h"

static const cli_option corpus_options[] = {
    {"files-from", 0, "FILE", "read the files listed in FILE, one path per line, instead of DIR"},
    {"lines", 0, "FILE", "take each line of FILE as one document, instead of DIR"},
};

void cli_corpus_options_init(cli_corpus_options *o)
{
    memset(o, 0, sizeof *o);
}

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    (void)err;
    cli_corpus_options *o = target;
    *(strcmp(name, "lines") == 0 ? &o->lines : &o->files_from) = value;
    return 0;
}

cli_option_group cli_corpus_option_group(cli_corpus_options *o)
{
    return (cli_option_group){"Input options", corpus_options,
                              sizeof corpus_options / sizeof corpus_options[0], handle, o};
}

int cli_corpus_options_finish(cli_corpus_options *o, const char *const *dirs, size_t ndirs,
                              const cli_command_spec *spec)
{
    size_t inputs = ndirs + (o->files_from != NULL) + (o->lines != NULL);
    if (inputs != 1) {
        cli_error("%s: %s (usage: nmftopics %s %s)", spec->name,
                  inputs ? "give only one of DIR, --files-from and --lines"
                         : "missing DIR (or --files-from FILE or --lines FILE)",
                  spec->name, spec->usage);
        return CLI_USAGE_ERROR;
    }
    o->dir = ndirs ? dirs[0] : NULL;
    return CLI_PARSED;
}

int cli_corpus_open(const cli_corpus_options *o, const nt_hooks *hooks, nt_corpus **out,
                    nt_error *err)
{
    if (o->files_from)
        return nt_corpus_open_file_list(o->files_from, hooks, out, err);
    if (o->lines)
        return nt_corpus_open_lines(o->lines, hooks, out, err);
    return nt_corpus_open_dir(o->dir, hooks, out, err);
}

int cli_parse_model_and_corpus(const cli_command_spec *spec, const cli_option_group *groups,
                               size_t ngroups, int argc, char **argv, cli_corpus_options *o,
                               const char **model)
{
    const char *pos[2];
    size_t npos;
    int parsed = cli_parse(spec, groups, ngroups, argc, argv, pos, &npos);
    if (parsed == CLI_PARSED)
        parsed = cli_corpus_options_finish(o, pos + 1, npos - 1, spec);
    if (parsed == CLI_PARSED)
        *model = pos[0];
    return parsed;
}

int cli_corpus_build(const cli_corpus_options *o, const cli_text_options *t,
                     const nt_hooks *hooks, nt_dtm **dtm, nt_error *err)
{
    nt_corpus *corpus = NULL;
    *dtm = NULL;
    int rc = cli_corpus_open(o, hooks, &corpus, err);
    if (rc == NT_OK)
        rc = nt_dtm_build(corpus, &t->text, &t->tfidf, hooks, dtm, err);
    nt_corpus_free(corpus);
    return rc;
}

int cli_corpus_transform(const cli_corpus_options *o, const char *model_path, int threads,
                         const nt_hooks *hooks, nt_model **model, nt_dtm **dtm, double **w,
                         nt_error *err)
{
    nt_corpus *corpus = NULL;
    *dtm = NULL;
    *w = NULL;
    int rc = nt_model_load(model_path, model, err);
    if (rc == NT_OK)
        rc = cli_corpus_open(o, hooks, &corpus, err);
    if (rc == NT_OK)
        rc = nt_model_transform(*model, corpus, threads, hooks, dtm, w, err);
    nt_corpus_free(corpus);
    if (rc != NT_OK) {
        nt_model_free(*model);
        *model = NULL;
    }
    return rc;
}
