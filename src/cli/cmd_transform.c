/* cmd_transform.c: `nmftopics transform MODEL.ntm DIR`: topic weights of new documents
 * under a saved model's fixed topics. */
#include <stdio.h>
#include <stdlib.h>

#include "cli_args.h"
#include "cli_corpus_options.h"
#include "cli_main.h"
#include "cli_output_options.h"
#include "cli_run_options.h"
#include "nmftopics/model.h"
#include "nmftopics/report.h"

static const cli_command_spec spec = {
    "transform", "MODEL.ntm DIR [-o OUTDIR] [options]",
    "Gives the documents under DIR (or those named by --files-from or --lines) topic weights\n"
    "under the topics of a model saved by 'nmftopics fit -o': the same tokenizing, stop\n"
    "words, stemming, vocabulary and idf as the training run, then for each document the\n"
    "non-negative least-squares weights with the model's H fixed. Terms the model does not\n"
    "know are ignored; a document without any known term gets zero weights (dominant topic\n"
    "NA). Prints the report as fit does, then a summary line; -o writes doc_topics.tsv and\n"
    "report.json into OUTDIR.",
    1, 2};

typedef struct transform_args {
    const char *model;  /* MODEL.ntm */
    cli_corpus_options corpus;
    cli_output_options out;
    cli_run_options run;
} transform_args;

static int run(const transform_args *a)
{
    double start = cli_now();
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->run.progress);
    nt_model *model = NULL;
    nt_dtm *dtm = NULL;
    double *w = NULL;
    int rc = cli_corpus_transform(&a->corpus, a->model, a->run.threads, &hooks, &model, &dtm, &w,
                                  &err);
    nt_doc_topics docs = {0};
    if (rc == NT_OK) {
        docs = (nt_doc_topics){dtm->A->nrow, model->k, (const char *const *)dtm->doc_names, w};
        rc = cli_output_report(&a->out, NT_REPORT_DOCUMENTS | NT_REPORT_JSON, model, &docs, 0,
                               &hooks, &err);
    }
    if (rc == NT_OK)
        printf("\ntransform: %zu documents (%zu without any term of the model), %zu nonzeros, "
               "k = %zu; %.2f s\n", docs.m, dtm->stats.empty_rows,
               (size_t)((const int *)dtm->A->p)[dtm->A->ncol], model->k, cli_now() - start);
    free(w);
    nt_dtm_free(dtm);
    nt_model_free(model);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_transform(int argc, char **argv)
{
    transform_args a;
    cli_corpus_options_init(&a.corpus);
    cli_output_options_init(&a.out);
    cli_run_options_init(&a.run);
    cli_option_group groups[3] = {
        cli_corpus_option_group(&a.corpus),
        cli_output_option_group(&a.out, CLI_OUTPUT_TERMS | CLI_OUTPUT_DOCS | CLI_OUTPUT_FOLDER),
        cli_run_option_group(&a.run, "listing, reading and tokenizing, and the projection")};
    int parsed = cli_parse_model_and_corpus(&spec, groups, 3, argc, argv, &a.corpus, &a.model);
    if (parsed != CLI_PARSED)
        return parsed == CLI_HELP_SHOWN ? NT_EXIT_OK : NT_EXIT_USAGE;
    int code = cli_output_check(&a.out, spec.name);
    return code == NT_EXIT_OK ? run(&a) : code;
}
