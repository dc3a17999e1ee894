/* cmd_evaluate.c: `nmftopics evaluate MODEL.ntm DIR [--labels FILE]`: how coherent and
 * diverse a saved model's topics are on a corpus, and how well its dominant topics agree
 * with known labels. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_args.h"
#include "cli_corpus_options.h"
#include "cli_main.h"
#include "cli_run_options.h"
#include "nmftopics/evaluate.h"
#include "nmftopics/model.h"

typedef struct evaluate_args {
    const char *model;    /* MODEL.ntm */
    const char *labels;   /* --labels FILE */
    long column;          /* --label-column N */
    long top_terms;       /* --top-terms N */
    int json;             /* --json */
    cli_corpus_options corpus;
    cli_run_options run;
} evaluate_args;

static const cli_option evaluate_options[] = {
    {"labels", 0, "FILE", "document labels, one per line: NAME<TAB>LABEL, NAME a document's "
                          "name (its path below DIR, the path as listed by --files-from, or "
                          "FILE:LINE with --lines); a header line is allowed"},
    {"label-column", 0, "N", "the label is field N of each line (default: 2)"},
    {"top-terms", 0, "N", "top terms per topic scored by coherence (default: 10)"},
    {"json", 0, NULL, "print JSON instead of the table"},
};

static const cli_command_spec spec = {
    "evaluate", "MODEL.ntm DIR [--labels FILE] [options]",
    "Scores the topics of a model saved by 'nmftopics fit -o' on the documents under DIR (or\n"
    "those named by --files-from or --lines), which are given topic weights as 'nmftopics\n"
    "transform' does: per topic the documents it dominates, its NPMI and UMass coherence\n"
    "(co-occurrence of its top terms in the documents), and the diversity of all topics\n"
    "(share of distinct terms among their top 25). With --labels, the purity, entropy and\n"
    "NMI of the documents' dominant topics against the labels; documents without a label\n"
    "are left out, and names in the file that are no document are counted and reported.",
    1, 2};

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    evaluate_args *a = target;
    if (strcmp(name, "labels") == 0)
        a->labels = value;
    else if (strcmp(name, "label-column") == 0)
        return cli_parse_long(name, value, 2, 1000, &a->column, err);
    else if (strcmp(name, "top-terms") == 0)
        return cli_parse_long(name, value, 2, 1000, &a->top_terms, err);
    else
        a->json = 1;
    return 0;
}

/* Everything a run holds, released by release(). */
typedef struct evaluate_run {
    nt_model *model;
    nt_dtm *dtm;
    double *w;
    nt_labels *labels;
    nt_evaluation *evaluation;
} evaluate_run;

static void release(evaluate_run *r)
{
    nt_evaluation_free(r->evaluation);
    nt_labels_free(r->labels);
    free(r->w);
    nt_dtm_free(r->dtm);
    nt_model_free(r->model);
}

/* The labels file, matched against the documents' names; names of no document are a
 * warning. */
static int read_labels(const evaluate_args *a, const nt_hooks *hooks, evaluate_run *r,
                       nt_error *err)
{
    int rc = nt_labels_read(a->labels, (size_t)a->column, (const char *const *)r->dtm->doc_names,
                            r->dtm->A->nrow, &r->labels, err);
    if (rc == NT_OK && r->labels->unknown)
        nt_hooks_log(hooks, NT_LOG_WARNING, "%s: %zu name%s no document of the corpus (e.g. '%s')",
                     a->labels, r->labels->unknown, r->labels->unknown == 1 ? " is" : "s are",
                     r->labels->first_unknown);
    return rc;
}

/* Before any work: the labels file, read only after the transform, must be readable. It is
 * not opened here, so that a pipe (--labels <(...)) is still whole when it is read. */
static int labels_readable(const char *path)
{
    struct stat st;
    const char *why = NULL;
    if (stat(path, &st) != 0 || access(path, R_OK) != 0)
        why = strerror(errno);
    else if (S_ISDIR(st.st_mode))
        why = "it is a folder";
    if (why)
        cli_error("evaluate: cannot open labels file %s: %s", path, why);
    return why ? NT_EXIT_RUNTIME : NT_EXIT_OK;
}

static int run(const evaluate_args *a)
{
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->run.progress);
    evaluate_run r = {0};
    int rc = cli_corpus_transform(&a->corpus, a->model, a->run.threads, &hooks, &r.model, &r.dtm,
                                  &r.w, &err);
    if (rc == NT_OK && a->labels)
        rc = read_labels(a, &hooks, &r, &err);
    if (rc == NT_OK)
        rc = nt_evaluation_compute(r.model, r.dtm, r.w, r.labels, (int)a->top_terms,
                                   &r.evaluation, &err);
    if (rc == NT_OK) {
        cli_progress_finish();
        rc = a->json ? nt_evaluation_write_json(stdout, r.evaluation, &err)
                     : nt_evaluation_write_text(stdout, r.evaluation, &err);
    }
    release(&r);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_evaluate(int argc, char **argv)
{
    evaluate_args a = {NULL, NULL, 2, 10, 0, {0}, {0}};
    cli_corpus_options_init(&a.corpus);
    cli_run_options_init(&a.run);
    cli_option_group groups[3] = {
        {"Evaluate options", evaluate_options,
         sizeof evaluate_options / sizeof evaluate_options[0], handle, &a},
        cli_corpus_option_group(&a.corpus),
        cli_run_option_group(&a.run, "listing, reading and tokenizing, and the projection")};
    int parsed = cli_parse_model_and_corpus(&spec, groups, 3, argc, argv, &a.corpus, &a.model);
    if (parsed != CLI_PARSED)
        return parsed == CLI_HELP_SHOWN ? NT_EXIT_OK : NT_EXIT_USAGE;
    int code = a.labels ? labels_readable(a.labels) : NT_EXIT_OK;
    return code == NT_EXIT_OK ? run(&a) : code;
}
