/* cmd_fit.c: `nmftopics fit DIR -k K [-o OUTDIR]`: from a folder of documents to topics,
 * a report, and a saved model. */
#include <stdio.h>

#include "cli_args.h"
#include "cli_corpus_options.h"
#include "cli_main.h"
#include "cli_nmf_options.h"
#include "cli_output_options.h"
#include "cli_run_options.h"
#include "cli_text_options.h"
#include "nmftopics/dtm.h"
#include "nmftopics/model.h"
#include "nmftopics/nmf.h"
#include "nmftopics/report.h"

static const cli_command_spec spec = {
    "fit", "DIR [-k K] [-o OUTDIR] [options]",
    "Finds K topics in the documents under DIR (walked recursively in sorted order, hidden\n"
    "files skipped), or in those named by --files-from or --lines: TF-IDF matrix, then NMF.\n"
    "Prints, for each topic, its share of the corpus, its top terms (the most frequent word\n"
    "of each stem) with their weights and the documents it makes up most of; then one\n"
    "summary line with the sizes, the relative error and the time of each stage. With -o,\n"
    "OUTDIR receives topics.tsv, doc_topics.tsv, topic_NN.words.tsv (word<TAB>weight, for\n"
    "word clouds), report.json and model.ntm (for 'nmftopics transform' and 'report').\n"
    "With hals, mu and anls-bpp the document weights reported are each document's\n"
    "non-negative least-squares weights against the final topics, exactly what transform\n"
    "gives the same documents, and the relative error is theirs; kl, snmf-r, snmf-l and\n"
    "--missing absent report the fit's own last W.",
    0, 1};

/* The command line. */
typedef struct fit_args {
    cli_corpus_options corpus;
    cli_output_options out;
    cli_run_options run;
    cli_text_options text;
    cli_nmf_options nmf;
} fit_args;

/* Everything a run produces, released by fit_free. */
typedef struct fit_run {
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
}

static int factor(cli_nmf_options *no, const nt_hooks *hooks, fit_run *r, nt_error *err)
{
    double start = cli_now();
    const cholmod_sparse *A = r->dtm->A;
    int rc = cli_nmf_options_prepare(no, A->nrow, A->ncol, err);
    nt_matrix a = {A->nrow, A->ncol, A, NULL};
    no->nmf.project_w = 1; /* the W that transform would give, and its relative error */
    if (rc == NT_OK)
        rc = nt_nmf_fit(&a, &no->nmf, hooks, &r->result, err);
    r->seconds[1] = cli_now() - start;
    return rc;
}

/* The text report, then with -o the report files and model.ntm, renamed into place
 * together once all are complete. */
static int report(const cli_output_options *out, const nt_hooks *hooks, fit_run *r,
                  nt_error *err)
{
    double start = cli_now();
    nt_doc_topics docs = {r->result->m, r->result->k, (const char *const *)r->dtm->doc_names,
                          r->result->w};
    int rc = cli_output_report(out, NT_REPORT_TOPICS | NT_REPORT_DOCUMENTS | NT_REPORT_JSON,
                               r->model, &docs, 1, hooks, err);
    r->seconds[2] = cli_now() - start;
    return rc;
}

static int run(fit_args *a)
{
    double start = cli_now();
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->run.progress);
    fit_run r = {0};
    int rc = cli_text_options_load(&a->text, &err);
    if (rc == NT_OK)
        rc = cli_corpus_build(&a->corpus, &a->text, &hooks, &r.dtm, &err);
    r.seconds[0] = cli_now() - start;
    if (rc == NT_OK)
        rc = factor(&a->nmf, &hooks, &r, &err);
    if (rc == NT_OK)
        rc = nt_model_create(&a->text.text, &a->text.tfidf, &a->nmf.nmf, r.dtm, r.result,
                             &r.model, &err);
    if (rc == NT_OK)
        rc = report(&a->out, &hooks, &r, &err);
    r.seconds[3] = cli_now() - start;
    if (rc == NT_OK) {
        printf("\nfit: ");
        cli_print_model_fit(r.model);
        printf("; tfidf %.2f s, nmf %.2f s, output %.2f s, total %.2f s\n", r.seconds[0],
               r.seconds[1], r.seconds[2], r.seconds[3]);
    }
    fit_free(&r);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

/* Parses the command line into a; returns CLI_PARSED, CLI_HELP_SHOWN or CLI_USAGE_ERROR. */
static int parse(int argc, char **argv, fit_args *a)
{
    cli_corpus_options_init(&a->corpus);
    cli_output_options_init(&a->out);
    cli_run_options_init(&a->run);
    cli_text_options_init(&a->text);
    cli_nmf_options_init(&a->nmf);
    cli_option_group groups[6] = {
        cli_corpus_option_group(&a->corpus),
        cli_output_option_group(&a->out, CLI_OUTPUT_TERMS | CLI_OUTPUT_DOCS | CLI_OUTPUT_FOLDER |
                                             CLI_OUTPUT_CLOUD),
        cli_run_option_group(&a->run, "listing, reading and tokenizing, and the factorisation"),
        cli_text_option_group(&a->text), cli_tfidf_option_group(&a->text),
        cli_nmf_option_group(&a->nmf)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 6, argc, argv, pos, &npos);
    if (parsed == CLI_PARSED)
        parsed = cli_corpus_options_finish(&a->corpus, pos, npos, &spec);
    if (parsed == CLI_PARSED)
        parsed = cli_text_options_finish(&a->text, spec.name);
    if (parsed == CLI_PARSED)
        parsed = cli_nmf_options_finish(&a->nmf, spec.name);
    a->text.text.threads = a->nmf.nmf.threads = a->run.threads;
    return parsed;
}

int cmd_fit(int argc, char **argv)
{
    fit_args a;
    int parsed = parse(argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed == CLI_HELP_SHOWN ? NT_EXIT_OK : NT_EXIT_USAGE;
    int code = cli_output_check(&a.out, spec.name);
    if (code == NT_EXIT_OK)
        code = run(&a);
    cli_text_options_free(&a.text);
    cli_nmf_options_free(&a.nmf);
    return code;
}
