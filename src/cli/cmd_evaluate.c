/* cmd_evaluate.c: `nmftopics evaluate MODEL.ntm DIR [--labels FILE]`: how coherent and
 * diverse a saved model's topics are on a corpus, and how well its dominant topics agree
 * with known labels. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "cli_args.h"
#include "cli_main.h"
#include "nmftopics/corpus.h"
#include "nmftopics/evaluate.h"
#include "nmftopics/model.h"

typedef struct evaluate_args {
    const char *labels;   /* --labels FILE */
    long column;          /* --label-column N */
    long top_terms;       /* --top-terms N */
    long threads;         /* --threads N */
    int json;             /* --json */
    cli_progress_mode progress;
} evaluate_args;

static const cli_option evaluate_options[] = {
    {"labels", 0, "FILE", "document labels, one per line: NAME<TAB>LABEL, NAME the path below DIR "
                          "(a header line is allowed)"},
    {"label-column", 0, "N", "the label is field N of each line (default: 2)"},
    {"top-terms", 0, "N", "top terms per topic scored by coherence (default: 10)"},
    {"json", 0, NULL, "print JSON instead of the table"},
    {"threads", 0, "N", "threads, 0 = all cores (default: 0)"},
    {"quiet", 'q', NULL, "no progress bar (warnings are still shown)"},
    {"progress", 0, NULL, "draw a progress bar even when stderr is not a terminal"},
};

static const cli_command_spec spec = {
    "evaluate", "MODEL.ntm DIR [--labels FILE] [options]",
    "Scores the topics of a model saved by 'nmftopics fit -o' on the documents under DIR,\n"
    "which are given topic weights as 'nmftopics transform' does: per topic the documents\n"
    "it dominates, its NPMI and UMass coherence (co-occurrence of its top terms in the\n"
    "documents), and the diversity of all topics (share of distinct terms among their top\n"
    "25). With --labels, the purity, entropy and NMI of the documents' dominant topics\n"
    "against the labels; documents without a label are left out, and names in the file\n"
    "that are no document are counted and reported.",
    2, 2};

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    evaluate_args *a = target;
    if (strcmp(name, "labels") == 0)
        a->labels = value;
    else if (strcmp(name, "label-column") == 0)
        return cli_parse_long(name, value, 2, 1000, &a->column, err);
    else if (strcmp(name, "top-terms") == 0)
        return cli_parse_long(name, value, 2, 1000, &a->top_terms, err);
    else if (strcmp(name, "threads") == 0)
        return cli_parse_long(name, value, 0, 1024, &a->threads, err);
    else if (strcmp(name, "json") == 0)
        a->json = 1;
    else
        a->progress = strcmp(name, "quiet") == 0 ? CLI_PROGRESS_OFF : CLI_PROGRESS_ON;
    return 0;
}

/* Everything a run holds, released by release(). */
typedef struct evaluate_run {
    nt_model *model;
    nt_corpus *corpus;
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
    nt_corpus_free(r->corpus);
    nt_model_free(r->model);
}

static int run(const char *model_path, const char *dir, const evaluate_args *a)
{
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->progress);
    evaluate_run r = {0};
    int rc = nt_model_load(model_path, &r.model, &err);
    if (rc == NT_OK)
        rc = nt_corpus_open_dir(dir, &hooks, &r.corpus, &err);
    if (rc == NT_OK)
        rc = nt_model_transform(r.model, r.corpus, (int)a->threads, &hooks, &r.dtm, &r.w, &err);
    if (rc == NT_OK && a->labels)
        rc = nt_labels_read(a->labels, (size_t)a->column, (const char *const *)r.dtm->doc_names,
                            r.dtm->A->nrow, &r.labels, &err);
    if (rc == NT_OK && r.labels && r.labels->unknown)
        nt_hooks_log(&hooks, NT_LOG_WARNING, "%s: %zu name%s no document under %s (e.g. '%s')",
                     a->labels, r.labels->unknown, r.labels->unknown == 1 ? " is" : "s are", dir,
                     r.labels->first_unknown);
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
    evaluate_args a = {NULL, 2, 10, 0, 0, CLI_PROGRESS_AUTO};
    cli_option_group group = {"Evaluate options", evaluate_options,
                              sizeof evaluate_options / sizeof evaluate_options[0], handle, &a};
    const char *pos[2];
    size_t npos;
    int parsed = cli_parse(&spec, &group, 1, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    return run(pos[0], pos[1], &a);
}
