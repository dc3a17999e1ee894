/* cmd_factor.c: `nmftopics factor A.mtx -k K -o PREFIX`: NMF of any non-negative matrix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"
#include "cli_main.h"
#include "cli_nmf_options.h"
#include "cli_output_path.h"
#include "cli_run_options.h"
#include "nmftopics/matrix.h"
#include "nmftopics/nmf.h"
#include "nmftopics/output.h"

typedef struct factor_args {
    const char *prefix;  /* -o PREFIX */
    int tsv;             /* --format tsv */
    cli_run_options run;
} factor_args;

static const cli_option factor_options[] = {
    {"output", 'o', "PREFIX", "write PREFIX.W.mtx and PREFIX.H.mtx (required)"},
    {"format", 0, "FORMAT", "mtx (Matrix Market) or tsv (tab-separated) (default: mtx)"},
};

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    factor_args *a = target;
    static const char *const formats[] = {"mtx", "tsv"};
    if (strcmp(name, "format") == 0)
        return cli_parse_choice(name, value, formats, 2, &a->tsv, err);
    return cli_parse_output(name, value, CLI_OUTPUT_PATH_PREFIX, &a->prefix, err);
}

static const cli_command_spec spec = {
    "factor", "A.mtx -k K -o PREFIX [options]",
    "Factors a non-negative Matrix Market matrix A (m x n) into W (m x K) and H (K x n) with\n"
    "A ~ W H. Rows of H are scaled to sum to 1 and W carries the scale. An all-zero row of A\n"
    "gets an all-zero row of W, an all-zero column an all-zero column of H. Prints one line:\n"
    "size, algorithm, iterations, relative error ||A - WH||_F / ||A||_F and time; warns when\n"
    "a run stops at --max-iter or --max-time before its stopping rule holds.",
    1, 1};

/* Writes W (m x k) and H (k x n) from factor-major arrays, both or neither. */
static int write_factors(const factor_args *a, const nt_nmf_result *r, nt_error *err)
{
    const char *ext = a->tsv ? "tsv" : "mtx";
    size_t len = strlen(a->prefix) + 8;
    char *wpath = malloc(len), *hpath = malloc(len);
    const char *wstaged, *hstaged;
    nt_output_group group;
    nt_output_group_init(&group);
    int rc = NT_OK;
    if (!wpath || !hpath)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory");
    int (*write)(const char *, const double *, nt_dense_layout, nt_error *) =
        a->tsv ? nt_dense_write_tsv : nt_dense_write_mtx;
    nt_dense_layout wl = {r->m, r->k, 1, r->m}, hl = {r->k, r->n, r->n, 1};
    if (rc == NT_OK) {
        snprintf(wpath, len, "%s.W.%s", a->prefix, ext);
        snprintf(hpath, len, "%s.H.%s", a->prefix, ext);
        rc = nt_output_group_add(&group, wpath, &wstaged, err);
    }
    if (rc == NT_OK)
        rc = nt_output_group_add(&group, hpath, &hstaged, err);
    if (rc == NT_OK)
        rc = write(wstaged, r->w, wl, err);
    if (rc == NT_OK)
        rc = write(hstaged, r->h, hl, err);
    rc = rc == NT_OK ? nt_output_group_commit(&group, err) : rc;
    nt_output_group_abort(&group);
    free(wpath);
    free(hpath);
    return rc;
}

static int factor_file(const char *path, const factor_args *fa, cli_nmf_options *no)
{
    nt_error err;
    nt_error_clear(&err);
    nt_hooks hooks;
    cli_hooks_init(&hooks, fa->run.progress);
    cholmod_sparse *A = NULL;
    nt_nmf_result *r = NULL;
    int rc = nt_sparse_read_mtx(path, &A, &err);
    if (rc == NT_OK)
        rc = nt_sparse_check_values(A, path, &err);
    if (rc == NT_OK)
        rc = cli_nmf_options_prepare(no, A->nrow, A->ncol, &err);
    if (rc == NT_OK) {
        nt_matrix a = {A->nrow, A->ncol, A, NULL};
        rc = nt_nmf_fit(&a, &no->nmf, &hooks, &r, &err);
    }
    if (rc == NT_OK)
        rc = write_factors(fa, r, &err);
    if (rc == NT_OK) {
        cli_progress_finish();
        printf("factor: %zu x %zu, k = %zu, %s, %d iteration%s%s, relative error %.6g, %.3f s\n",
               r->m, r->n, r->k, nt_nmf_algorithm_name(no->nmf.algorithm), r->iterations,
               r->iterations == 1 ? "" : "s", r->converged ? "" : " (not converged)",
               r->rel_error, r->seconds);
    }
    nt_nmf_result_free(r);
    nt_sparse_free(&A);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}

int cmd_factor(int argc, char **argv)
{
    factor_args fa = {NULL, 0, {0}};
    cli_run_options_init(&fa.run);
    cli_nmf_options no;
    cli_nmf_options_init(&no);
    cli_option_group groups[3] = {
        {"Factor options", factor_options, sizeof factor_options / sizeof factor_options[0],
         handle, &fa},
        cli_run_option_group(&fa.run, "the factorisation"), cli_nmf_option_group(&no)};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 3, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed == CLI_PARSED && !fa.prefix) {
        cli_error("factor: missing -o PREFIX (usage: nmftopics factor %s)", spec.usage);
        parsed = CLI_USAGE_ERROR;
    }
    if (parsed == CLI_PARSED)
        parsed = cli_nmf_options_finish(&no, "factor");
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    no.nmf.threads = fa.run.threads;
    int code = cli_output_prefix_check(fa.prefix, spec.name);
    if (code == NT_EXIT_OK)
        code = factor_file(pos[0], &fa, &no);
    cli_nmf_options_free(&no);
    return code;
}
