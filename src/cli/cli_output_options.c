/* cli_output_options.c: report and output-folder options, and the output folder itself. */
#define _POSIX_C_SOURCE 200809L
#include "cli_output_options.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_output_path.h"

/* Every option of the group, each tagged with the mask bit that offers it. */
static const struct {
    unsigned bit;
    cli_option option;
} all_options[] = {
    {CLI_OUTPUT_FOLDER, {"output", 'o', "OUTDIR", "also write the files named above into the "
                                                  "new folder OUTDIR (default: none)"}},
    {CLI_OUTPUT_FOLDER, {"force", 0, NULL, "write into OUTDIR even when it exists "
                                           "(default: refuse)"}},
    {CLI_OUTPUT_TERMS, {"top-terms", 0, "N", "terms listed per topic (default: 10)"}},
    {CLI_OUTPUT_DOCS, {"top-docs", 0, "N", "documents listed per topic, 0 = none (default: 5)"}},
    {CLI_OUTPUT_CLOUD, {"cloud-words", 0, "N", "words in each topic_NN.words.tsv (default: 100)"}},
};

void cli_output_options_init(cli_output_options *o)
{
    memset(o, 0, sizeof *o);
    nt_report_options_init(&o->report);
}

/* --top-terms, --top-docs, --cloud-words: a count is read (up to COUNT_MAX, beyond any
 * corpus: lists are cut to the terms and documents there are), and the library's options
 * check says which counts are valid, so the ranges live in one place. */
#define COUNT_MAX 1000000000L
static int handle_count(cli_output_options *o, const char *name, const char *value,
                        nt_error *err)
{
    long v;
    if (cli_parse_long(name, value, 0, COUNT_MAX, &v, err) != 0)
        return -1;
    *(strcmp(name, "top-terms") == 0  ? &o->report.top_terms
      : strcmp(name, "top-docs") == 0 ? &o->report.top_docs
                                      : &o->report.cloud_words) = (size_t)v;
    nt_error why;
    if (nt_report_options_check(&o->report, &why) != NT_OK)
        return nt_error_set(err, NT_EINVAL, "--%s: %s", name, why.message);
    return 0;
}

static int handle(void *target, const char *name, const char *value, nt_error *err)
{
    cli_output_options *o = target;
    if (strcmp(name, "output") == 0)
        return cli_parse_output(name, value, CLI_OUTPUT_PATH_FOLDER, &o->outdir, err);
    if (strcmp(name, "force") == 0) {
        o->force = 1;
        return 0;
    }
    return handle_count(o, name, value, err);
}

cli_option_group cli_output_option_group(cli_output_options *o, unsigned which)
{
    size_t n = 0;
    for (size_t x = 0; x < sizeof all_options / sizeof all_options[0]; x++)
        if (all_options[x].bit & which)
            o->offered[n++] = all_options[x].option;
    return (cli_option_group){"Output options", o->offered, n, handle, o};
}

int cli_output_check(const cli_output_options *o, const char *command)
{
    if (!o->outdir)
        return 0;
    struct stat st;
    if (stat(o->outdir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            cli_error("%s: output '%s' exists and is not a folder", command, o->outdir);
            return NT_EXIT_RUNTIME;
        }
        if (!o->force) {
            cli_error("%s: output folder '%s' already exists (use --force to write into it)",
                      command, o->outdir);
            return NT_EXIT_RUNTIME;
        }
        const char *why = cli_folder_problem(o->outdir);
        if (why)
            cli_error("%s: cannot write into output folder '%s': %s", command, o->outdir, why);
        return why ? NT_EXIT_RUNTIME : 0;
    }
    char *copy = strdup(o->outdir);
    const char *parent = copy ? dirname(copy) : ".";
    const char *why = copy ? cli_folder_problem(parent) : "out of memory";
    if (why && stat(parent, &st) != 0)
        cli_error("%s: cannot create output folder '%s': its parent folder does not exist",
                  command, o->outdir);
    else if (why)
        cli_error("%s: cannot create output folder '%s' in '%s': %s", command, o->outdir,
                  parent, why);
    free(copy);
    return why ? NT_EXIT_RUNTIME : 0;
}

/* OUTDIR/name in a new string, or NULL when out of memory. */
static char *outdir_path(const cli_output_options *o, const char *name)
{
    size_t len = strlen(o->outdir) + strlen(name) + 2;
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/%s", o->outdir, name);
    return path;
}

/* With --force, topic_NN.words.tsv files numbered above k are an earlier run's. */
static void remove_stale_topics(const cli_output_options *o, size_t k)
{
    DIR *d = opendir(o->outdir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        unsigned long topic;
        int end = 0;
        if (sscanf(e->d_name, "topic_%lu.words.tsv%n", &topic, &end) == 1 &&
            e->d_name[end] == '\0' && end > 0 && topic > k) {
            char *path = outdir_path(o, e->d_name);
            if (path)
                unlink(path);
            free(path);
        }
    }
    closedir(d);
}

/* Stages the report files (and model.ntm) in group. */
static int stage_files(const cli_output_options *o, unsigned files, const nt_model *model,
                       const nt_doc_topics *docs, int save_model, const nt_hooks *hooks,
                       nt_output_group *group, nt_error *err)
{
    int rc = nt_report_write_dir(o->outdir, files, model, docs, &o->report, group, hooks, err);
    if (rc != NT_OK || !save_model)
        return rc;
    char *path = outdir_path(o, "model.ntm");
    const char *staged = NULL;
    rc = path ? nt_output_group_add(group, path, &staged, err)
              : nt_error_set(err, NT_ENOMEM, "out of memory");
    if (rc == NT_OK)
        rc = nt_model_save(model, staged, err);
    free(path);
    return rc;
}

int cli_output_report(const cli_output_options *o, unsigned files, const nt_model *model,
                      const nt_doc_topics *docs, int save_model, const nt_hooks *hooks,
                      nt_error *err)
{
    cli_progress_finish();
    int rc = nt_report_write_text(stdout, model, docs, &o->report, err);
    if (rc != NT_OK || !o->outdir)
        return rc;
    if (mkdir(o->outdir, 0777) != 0 && errno != EEXIST)
        return nt_error_set(err, NT_EIO, "cannot create output folder %s: %s", o->outdir,
                            strerror(errno));
    nt_output_group group;
    nt_output_group_init(&group);
    rc = stage_files(o, files, model, docs, save_model, hooks, &group, err);
    if (rc == NT_OK)
        rc = nt_output_group_commit(&group, err);
    nt_output_group_abort(&group);
    if (rc == NT_OK && o->force && (files & NT_REPORT_TOPICS))
        remove_stale_topics(o, model->k);
    return rc;
}

void cli_print_model_fit(const nt_model *m)
{
    printf("%zu documents, %zu terms, %zu nonzeros, k = %zu, %s, relative error %.4f, "
           "%d iteration%s%s", m->fit.documents, m->n, m->fit.nonzeros, m->k,
           nt_nmf_algorithm_name(m->nmf.algorithm), m->fit.rel_error, m->fit.iterations,
           m->fit.iterations == 1 ? "" : "s", m->fit.converged ? "" : " (not converged)");
}
