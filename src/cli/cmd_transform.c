/* cmd_transform.c: `nmftopics transform MODEL.ntm DIR`: topic weights of new documents
 * under a saved model's fixed topics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_main.h"
#include "cli_output_options.h"
#include "nmftopics/corpus.h"
#include "nmftopics/model.h"
#include "nmftopics/report.h"

static const cli_command_spec spec = {
    "transform", "MODEL.ntm DIR [-o OUTDIR] [options]",
    "Gives the documents under DIR topic weights under the topics of a model saved by\n"
    "'nmftopics fit -o': the same tokenizing, stop words, stemming, vocabulary and idf as\n"
    "the training run, then for each document the non-negative least-squares weights\n"
    "with the model's H fixed. Terms the model does not know are ignored; a document\n"
    "without any known term gets zero weights (dominant topic NA). Prints the report as\n"
    "fit does, then a summary line; -o writes doc_topics.tsv and report.json into OUTDIR.",
    2, 2};

static const cli_option run_options[] = {
    {"threads", 0, "N", "threads, 0 = all cores (default: 0)"},
};

static int handle_threads(void *target, const char *name, const char *value, nt_error *err)
{
    long v;
    int rc = cli_parse_long(name, value, 0, 1024, &v, err);
    if (rc == 0)
        *(int *)target = (int)v;
    return rc;
}

/* doc_topics.tsv and report.json, each renamed into place once complete. */
static int write_outputs(const cli_output_options *out, const nt_model *model,
                         const nt_doc_topics *docs, const nt_hooks *hooks, nt_error *err)
{
    int rc = cli_output_create(out, err);
    if (rc == NT_OK)
        rc = nt_report_write_dir(out->outdir, NT_REPORT_DOCUMENTS | NT_REPORT_JSON, model, docs,
                                 &out->report, hooks, err);
    return rc;
}

static int run(const char *model_path, const char *dir, int threads, const cli_output_options *out)
{
    double start = cli_now();
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, out->progress);
    nt_model *model = NULL;
    nt_corpus *corpus = NULL;
    nt_dtm *dtm = NULL;
    double *w = NULL;
    int rc = nt_model_load(model_path, &model, &err);
    if (rc == NT_OK)
        rc = nt_corpus_open_dir(dir, &hooks, &corpus, &err);
    if (rc == NT_OK)
        rc = nt_model_transform(model, corpus, threads, &hooks, &dtm, &w, &err);
    nt_doc_topics docs = {0};
    if (rc == NT_OK) {
        docs = (nt_doc_topics){dtm->A->nrow, model->k, (const char *const *)dtm->doc_names, w};
        cli_progress_finish();
        rc = nt_report_write_text(stdout, model, &docs, &out->report, &err);
    }
    if (rc == NT_OK && out->outdir)
        rc = write_outputs(out, model, &docs, &hooks, &err);
    if (rc == NT_OK)
        printf("\ntransform: %zu documents (%zu without any term of the model), %d nonzeros, "
               "k = %zu; %.2f s\n", docs.m, dtm->stats.empty_rows,
               ((const int *)dtm->A->p)[dtm->A->ncol], model->k, cli_now() - start);
    free(w);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
    nt_model_free(model);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_transform(int argc, char **argv)
{
    cli_output_options out;
    cli_output_options_init(&out);
    int threads = 0;
    cli_option_group groups[2] = {
        cli_output_option_group(&out, CLI_OUTPUT_TERMS | CLI_OUTPUT_DOCS | CLI_OUTPUT_FOLDER |
                                          CLI_OUTPUT_PROGRESS),
        {"Run options", run_options, 1, handle_threads, &threads}};
    const char *pos[2];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 2, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    int code = cli_output_check(&out, "transform");
    return code == NT_EXIT_OK ? run(pos[0], pos[1], threads, &out) : code;
}
