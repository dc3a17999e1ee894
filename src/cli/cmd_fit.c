/* cmd_fit.c: `nmftopics fit DIR -k K [-o OUTDIR]`: from a folder of documents to topics,
 * a report, and a saved model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_main.h"
#include "cli_nmf_options.h"
#include "cli_output_options.h"
#include "cli_text_options.h"
#include "nmftopics/corpus.h"
#include "nmftopics/dtm.h"
#include "nmftopics/model.h"
#include "nmftopics/nmf.h"
#include "nmftopics/report.h"

static const cli_command_spec spec = {
    "fit", "DIR [-k K] [-o OUTDIR] [options]",
    "Finds K topics in the documents under DIR (walked recursively in sorted order, hidden\n"
    "files skipped): TF-IDF matrix, then NMF. Prints, for each topic, its share of the\n"
    "corpus, its top terms (the most frequent word of each stem) with their weights and\n"
    "the documents it makes up most of; then one summary line with the sizes, the\n"
    "relative error and the time of each stage. With -o, OUTDIR receives topics.tsv,\n"
    "doc_topics.tsv, topic_NN.words.tsv (word<TAB>weight, for word clouds), report.json\n"
    "and model.ntm (for 'nmftopics transform' and 'nmftopics report').",
    1, 1};

/* Everything a run produces, released by fit_free. */
typedef struct fit_run {
    nt_corpus *corpus;
    nt_dtm *dtm;
    nt_nmf_result *result;
    nt_model *model;
    double seconds[4];  /* tfidf, nmf, output, total */
} fit_run;

static void fit_free(fit_run *r)
{
    nt_model_free(r->model);
    nt_nmf_result_free(r->result);
    nt_dtm_free(r->dtm);
    nt_corpus_free(r->corpus);
}

static int build_matrix(const char *dir, const cli_text_options *t, const nt_hooks *hooks,
                        fit_run *r, nt_error *err)
{
    double start = cli_now();
    int rc = nt_corpus_open_dir(dir, hooks, &r->corpus, err);
    if (rc == NT_OK)
        rc = nt_dtm_build(r->corpus, &t->text, &t->tfidf, hooks, &r->dtm, err);
    r->seconds[0] = cli_now() - start;
    return rc;
}

static int factor(cli_nmf_options *no, const nt_hooks *hooks, fit_run *r, nt_error *err)
{
    double start = cli_now();
    const cholmod_sparse *A = r->dtm->A;
    int rc = nt_nmf_options_check(&no->nmf, A->nrow, A->ncol, err);
    if (rc == NT_OK)
        rc = cli_nmf_options_load(no, A->nrow, A->ncol, err);
    if (rc == NT_OK) {
        nt_matrix a = {A->nrow, A->ncol, A, NULL};
        rc = nt_nmf_fit(&a, &no->nmf, hooks, &r->result, err);
    }
    r->seconds[1] = cli_now() - start;
    return rc;
}

/* The report files and model.ntm, each renamed into place once complete. */
static int write_outputs(const cli_output_options *out, const nt_doc_topics *docs,
                         const nt_hooks *hooks, fit_run *r, nt_error *err)
{
    double start = cli_now();
    int rc = cli_output_create(out, err);
    if (rc == NT_OK)
        rc = nt_report_write_dir(out->outdir, NT_REPORT_TOPICS | NT_REPORT_DOCUMENTS | NT_REPORT_JSON,
                                 r->model, docs, &out->report, hooks, err);
    if (rc == NT_OK) {
        size_t len = strlen(out->outdir) + sizeof "/model.ntm";
        char *path = malloc(len);
        if (!path)
            return nt_error_set(err, NT_ENOMEM, "out of memory");
        snprintf(path, len, "%s/model.ntm", out->outdir);
        rc = nt_model_save(r->model, path, err);
        free(path);
    }
    if (rc == NT_OK && out->force)
        cli_output_remove_stale_topics(out, r->model->k);
    r->seconds[2] = cli_now() - start;
    return rc;
}

static void print_summary(const fit_run *r)
{
    const nt_nmf_result *res = r->result;
    printf("\nfit: %zu documents, %zu terms, %zu nonzeros, k = %zu, relative error %.4f, "
           "%d iteration%s%s; tfidf %.2f s, nmf %.2f s, output %.2f s, total %.2f s\n",
           res->m, res->n, r->model->fit.nonzeros, res->k, res->rel_error, res->iterations,
           res->iterations == 1 ? "" : "s", res->converged ? "" : " (not converged)",
           r->seconds[0], r->seconds[1], r->seconds[2], r->seconds[3]);
}

static int run(const char *dir, const cli_text_options *t, cli_nmf_options *no,
               const cli_output_options *out)
{
    double start = cli_now();
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, out->progress);
    fit_run r = {0};
    int rc = build_matrix(dir, t, &hooks, &r, &err);
    if (rc == NT_OK)
        rc = factor(no, &hooks, &r, &err);
    if (rc == NT_OK)
        rc = nt_model_create(&t->text, &t->tfidf, &no->nmf, r.dtm, r.result, &r.model, &err);
    nt_doc_topics docs = {0};
    if (rc == NT_OK) {
        docs = (nt_doc_topics){r.result->m, r.result->k, (const char *const *)r.dtm->doc_names,
                               r.result->w};
        cli_progress_finish();
        rc = nt_report_write_text(stdout, r.model, &docs, &out->report, &err);
    }
    if (rc == NT_OK && out->outdir)
        rc = write_outputs(out, &docs, &hooks, &r, &err);
    r.seconds[3] = cli_now() - start;
    if (rc == NT_OK)
        print_summary(&r);
    fit_free(&r);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_fit(int argc, char **argv)
{
    cli_text_options t;
    cli_nmf_options no;
    cli_output_options out;
    cli_text_options_init(&t);
    cli_nmf_options_init(&no);
    cli_output_options_init(&out);
    cli_option_group groups[4] = {
        cli_output_option_group(&out, CLI_OUTPUT_TERMS | CLI_OUTPUT_DOCS | CLI_OUTPUT_FOLDER |
                                          CLI_OUTPUT_CLOUD | CLI_OUTPUT_PROGRESS),
        cli_text_option_group(&t), cli_tfidf_option_group(&t), cli_nmf_option_group(&no)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 4, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed == CLI_PARSED)
        parsed = cli_text_options_finish(&t, "fit");
    if (parsed == CLI_PARSED)
        parsed = cli_nmf_options_finish(&no, "fit");
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    /* --threads is parsed by the text group, which comes first; NMF uses the same count. */
    no.nmf.threads = t.text.threads;
    int code = cli_output_check(&out, "fit");
    if (code == NT_EXIT_OK)
        code = run(pos[0], &t, &no, &out);
    cli_nmf_options_free(&no);
    return code;
}
