/* cmd_rank.c: `nmftopics rank DIR -k 2:30`: one TF-IDF matrix, a survey of candidate
 * numbers of topics on it, and a recommended k with its reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_corpus_options.h"
#include "cli_main.h"
#include "cli_nmf_options.h"
#include "cli_output_path.h"
#include "cli_rank_list.h"
#include "cli_run_options.h"
#include "cli_text_options.h"
#include "nmftopics/dtm.h"
#include "nmftopics/metrics.h"
#include "nmftopics/output.h"
#include "nmftopics/rank.h"

typedef struct rank_args {
    nt_rank_options rank;       /* ks, runs, holdout, top_terms, consensus_docs */
    size_t ks[CLI_RANK_LIST_MAX]; /* the parsed -k LIST, size rank.nk */
    const char *prefix;         /* -o PREFIX */
    int json;                   /* --json */
    cli_corpus_options corpus;
    cli_run_options run;
    cli_text_options text;
    cli_nmf_options nmf;
    cli_option nmf_kept[32];    /* the NMF options rank offers, see nmf_group */
} rank_args;

static const cli_option rank_options[] = {
    {"rank", 'k', "LIST", "candidate k: A:B, A:B:STEP or a comma list such as 4,8,12 (required)"},
    {"runs", 0, "N", "restarts per k with seeds --seed, --seed+1, ..., and as many "
                     "cross-validation fits; 2 or more give the consensus (default: 5)"},
    {"holdout", 0, "SHARE", "share of the nonzeros held out for cross-validation, with as "
                            "many zeros (default: 0.05)"},
    {"top-terms", 0, "N", "top terms per topic scored by NPMI (default: 10)"},
    {"consensus-docs", 0, "N", "consensus over at most N documents (up to 20000), a seeded "
                               "sample when there are more (default: 5000)"},
    {"output", 'o', "PREFIX", "also write PREFIX.tsv and PREFIX.json"},
    {"json", 0, NULL, "print the JSON instead of the table"},
};

static const cli_command_spec spec = {
    "rank", "DIR -k LIST [-o PREFIX] [options]",
    "Helps choose the number of topics: builds the TF-IDF matrix of the documents under DIR\n"
    "(or those named by --files-from or --lines) once, then for each candidate k fits --runs\n"
    "restarts and --runs cross-validation fits and prints, per k: the relative error of the\n"
    "best restart, the mean relative error on held-out entries (a speckle of nonzeros and\n"
    "zeros left out of the fit), the cophenetic correlation and dispersion of the restarts'\n"
    "consensus (higher is more stable), the mean NPMI coherence of the topics and their\n"
    "diversity. Recommends the k of lowest cross-validated error; k within 1% of it are\n"
    "ties, settled by the cophenetic correlation. The reason is printed in words.",
    0, 1};

/* --runs, --top-terms, --consensus-docs: whole numbers. */
static int handle_count(rank_args *a, const char *name, const char *value, nt_error *err)
{
    long v;
    int rc;
    if (strcmp(name, "runs") == 0) {
        if ((rc = cli_parse_long(name, value, 1, 1000, &v, err)) == 0)
            a->rank.runs = (int)v;
    } else if (strcmp(name, "top-terms") == 0) {
        if ((rc = cli_parse_long(name, value, 2, 1000, &v, err)) == 0)
            a->rank.top_terms = (int)v;
    } else if ((rc = cli_parse_long(name, value, 2, NT_CONSENSUS_MAX_DOCUMENTS, &v, err)) == 0) {
        a->rank.consensus_docs = (size_t)v;
    }
    return rc;
}

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    rank_args *a = target;
    if (strcmp(name, "rank") == 0) {
        a->rank.ks = a->ks;
        return cli_parse_rank_list(value, a->ks, &a->rank.nk, err);
    }
    if (strcmp(name, "holdout") == 0)
        return cli_parse_double(name, value, 1e-6, 0.5, &a->rank.holdout, err);
    if (strcmp(name, "output") == 0)
        return cli_parse_output(name, value, CLI_OUTPUT_PATH_PREFIX, &a->prefix, err);
    if (strcmp(name, "json") == 0)
        a->json = 1;
    else
        return handle_count(a, name, value, err);
    return NT_OK;
}

/* The NMF group without the options rank sets itself (-k, --runs) or that do not apply
 * across ranks (custom starting factors), and with the help of the options whose choices
 * the cross-validation fits narrow (nt_rank_options_check_settings enforces them). */
static cli_option_group nmf_group(rank_args *a)
{
    static const char *const dropped[] = {"rank", "runs", "init-w", "init-h"};
    static const cli_option narrowed[] = {
        {"algorithm", 0, "NAME", "hals or mu: the cross-validation fits leave entries out "
                                 "(default: hals)"},
        {"init", 0, "NAME", "random: the cross-validation fits start at random (default: "
                            "random)"},
        {"stop", 0, "RULE", "objective: the cross-validation fits stop on it (default: "
                            "objective)"},
    };
    cli_option_group g = cli_nmf_option_group(&a->nmf);
    cli_option *buf = a->nmf_kept;
    size_t kept = 0, cap = sizeof a->nmf_kept / sizeof a->nmf_kept[0];
    for (size_t q = 0; q < g.count && kept < cap; q++) {
        int drop = 0;
        for (size_t d = 0; d < sizeof dropped / sizeof dropped[0]; d++)
            drop |= strcmp(g.options[q].name, dropped[d]) == 0;
        if (drop)
            continue;
        buf[kept] = g.options[q];
        for (size_t d = 0; d < sizeof narrowed / sizeof narrowed[0]; d++)
            if (strcmp(g.options[q].name, narrowed[d].name) == 0)
                buf[kept] = narrowed[d];
        kept++;
    }
    g.options = buf;
    g.count = kept;
    return g;
}

typedef int (*rank_writer)(FILE *fp, const nt_rank_table *t, const nt_rank_choice *c,
                           nt_error *err);

/* Writes PREFIX + suffix of the set g through write. */
static int write_one(nt_output_group *g, const char *prefix, const char *suffix,
                     rank_writer write, const nt_rank_table *t, const nt_rank_choice *c,
                     nt_error *err)
{
    size_t len = strlen(prefix) + strlen(suffix) + 1;
    char *path = malloc(len);
    const char *staged;
    nt_output out;
    if (!path)
        return nt_error_set(err, NT_ENOMEM, "out of memory");
    snprintf(path, len, "%s%s", prefix, suffix);
    int rc = nt_output_group_add(g, path, &staged, err);
    free(path);
    if (rc == NT_OK)
        rc = nt_output_open(&out, staged, err);
    if (rc == NT_OK && (rc = write(out.fp, t, c, err)) != NT_OK)
        nt_output_abort(&out);
    return rc == NT_OK ? nt_output_commit(&out, err) : rc;
}

/* PREFIX.tsv and PREFIX.json, both or neither. */
static int write_files(const rank_args *a, const nt_rank_table *t, const nt_rank_choice *c,
                       nt_error *err)
{
    nt_output_group group;
    nt_output_group_init(&group);
    int rc = write_one(&group, a->prefix, ".tsv", nt_rank_write_tsv, t, c, err);
    if (rc == NT_OK)
        rc = write_one(&group, a->prefix, ".json", nt_rank_write_json, t, c, err);
    rc = rc == NT_OK ? nt_output_group_commit(&group, err) : rc;
    nt_output_group_abort(&group);
    return rc;
}

/* Prints the table (or JSON) and writes the files of -o. */
static int present(const rank_args *a, const nt_rank_table *table, const nt_rank_choice *choice,
                   nt_error *err)
{
    cli_progress_finish();
    int rc = a->json ? nt_rank_write_json(stdout, table, choice, err)
                     : nt_rank_write_text(stdout, table, choice, err);
    if (rc == NT_OK && a->prefix)
        rc = write_files(a, table, choice, err);
    return rc;
}

static int survey(rank_args *a)
{
    double start = cli_now(), built = start;
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, a->run.progress);
    nt_dtm *dtm = NULL;
    nt_rank_table *table = NULL;
    nt_rank_choice choice;
    int rc = cli_text_options_load(&a->text, &err);
    if (rc == NT_OK)
        rc = cli_corpus_build(&a->corpus, &a->text, &hooks, &dtm, &err);
    if (rc == NT_OK) /* before any fit: a k above the documents, a bad option value */
        rc = nt_rank_options_check(&a->rank, dtm->A->nrow, dtm->A->ncol, &err);
    built = cli_now();
    if (rc == NT_OK)
        rc = nt_rank_survey(dtm->A, &a->rank, &hooks, &table, &err);
    if (rc == NT_OK)
        rc = nt_rank_recommend(table, &choice, &err);
    if (rc == NT_OK)
        rc = present(a, table, &choice, &err);
    if (rc == NT_OK && a->run.progress != CLI_PROGRESS_OFF)
        fprintf(stderr, "rank: %zu documents, %zu terms; %zu k x %d fits; tfidf %.2f s, "
                        "survey %.2f s\n", table->documents, table->terms, table->nk,
                2 * a->rank.runs, built - start, cli_now() - built);
    nt_rank_table_free(table);
    nt_dtm_free(dtm);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

/* Before the matrix is built: hands the NMF options to the survey and checks what its fits
 * allow, refusing the rest as a usage error. */
static int check_settings(rank_args *a)
{
    nt_error err;
    a->rank.nmf = a->nmf.nmf;
    if (nt_rank_options_check_settings(&a->rank, &err) == NT_OK)
        return CLI_PARSED;
    cli_error("rank: %s", err.message);
    return CLI_USAGE_ERROR;
}

/* Parses the command line into a; returns CLI_PARSED, CLI_HELP_SHOWN or CLI_USAGE_ERROR. */
static int parse(int argc, char **argv, rank_args *a)
{
    memset(a, 0, sizeof *a);
    nt_rank_options_init(&a->rank);
    cli_corpus_options_init(&a->corpus);
    cli_run_options_init(&a->run);
    cli_text_options_init(&a->text);
    cli_nmf_options_init(&a->nmf);
    a->nmf.nmf.init = NT_NMF_INIT_RANDOM;
    cli_option_group groups[6] = {
        {"Rank options", rank_options, sizeof rank_options / sizeof rank_options[0], handle, a},
        cli_corpus_option_group(&a->corpus),
        cli_run_option_group(&a->run, "listing, reading and tokenizing, and the factorisations"),
        cli_text_option_group(&a->text), cli_tfidf_option_group(&a->text), nmf_group(a)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 6, argc, argv, pos, &npos);
    if (parsed == CLI_PARSED && a->rank.nk == 0) {
        cli_error("rank: missing -k LIST (usage: nmftopics rank %s)", spec.usage);
        parsed = CLI_USAGE_ERROR;
    }
    if (parsed == CLI_PARSED)
        parsed = cli_corpus_options_finish(&a->corpus, pos, npos, &spec);
    if (parsed == CLI_PARSED)
        parsed = cli_text_options_finish(&a->text, spec.name);
    if (parsed == CLI_PARSED && a->nmf.nmf.init == NT_NMF_INIT_CUSTOM) {
        cli_error("rank: --init custom is not available: the candidate k differ, and so would "
                  "the sizes of their starting factors (use --init random)");
        parsed = CLI_USAGE_ERROR;
    }
    if (parsed == CLI_PARSED)
        parsed = cli_nmf_options_finish(&a->nmf, spec.name);
    a->text.text.threads = a->nmf.nmf.threads = a->run.threads;
    return parsed == CLI_PARSED ? check_settings(a) : parsed;
}

int cmd_rank(int argc, char **argv)
{
    rank_args a;
    int parsed = parse(argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed == CLI_HELP_SHOWN ? NT_EXIT_OK : NT_EXIT_USAGE;
    int code = a.prefix ? cli_output_prefix_check(a.prefix, spec.name) : NT_EXIT_OK;
    if (code == NT_EXIT_OK)
        code = survey(&a);
    cli_text_options_free(&a.text);
    return code;
}
