/* report_dir.c: every report file of a run written into one folder, each renamed into
 * place only once complete, or all together through an output group. */
#include <stdlib.h>
#include <string.h>

#include "nmftopics/output.h"
#include "report_internal.h"

typedef int (*file_writer)(FILE *fp, const void *ctx, nt_error *err);

typedef struct dir_job {
    const nt_model *model;
    const nt_doc_topics *docs;
    const nt_report_options *opts;
    nt_output_group *group;  /* stage the files here, or NULL to rename each when written */
    size_t topic;
} dir_job;

static int write_topics(FILE *fp, const void *ctx, nt_error *err)
{
    const dir_job *j = ctx;
    return nt_report_write_topics_tsv(fp, j->model, j->opts, err);
}

static int write_words(FILE *fp, const void *ctx, nt_error *err)
{
    const dir_job *j = ctx;
    return nt_report_write_topic_words(fp, j->model, j->topic, j->opts, err);
}

static int write_docs(FILE *fp, const void *ctx, nt_error *err)
{
    const dir_job *j = ctx;
    return nt_report_write_doc_topics_tsv(fp, j->docs, err);
}

static int write_json(FILE *fp, const void *ctx, nt_error *err)
{
    const dir_job *j = ctx;
    return nt_report_write_json(fp, j->model, j->docs, j->opts, err);
}

/* Writes dir/name through a temporary file; on any failure nothing is left behind. With a
 * group, the file is staged in it and appears under its name only when the group commits. */
static int write_one(const char *dir, const char *name, file_writer fn, const dir_job *job,
                     nt_error *err)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", name);
    snprintf(path, len, "%s/%s", dir, name);
    const char *target = path;
    int status = job->group ? nt_output_group_add(job->group, path, &target, err) : NT_OK;
    nt_output out;
    if (status == NT_OK)
        status = nt_output_open(&out, target, err);
    if (status == NT_OK) {
        status = fn(out.fp, job, err);
        if (status == NT_OK)
            status = nt_output_commit(&out, err);
        else
            nt_output_abort(&out);
    }
    free(path);
    return status;
}

static int write_topic_files(const char *dir, dir_job *job, nt_error *err)
{
    int status = write_one(dir, "topics.tsv", write_topics, job, err);
    /* Two digits at least, more when k > 99, so names sort in topic order. */
    int digits = job->model->k > 99 ? (job->model->k > 999 ? 4 : 3) : 2;
    for (size_t t = 0; status == NT_OK && t < job->model->k; t++) {
        char name[64];
        snprintf(name, sizeof name, "topic_%0*zu.words.tsv", digits, t + 1);
        job->topic = t;
        status = write_one(dir, name, write_words, job, err);
    }
    return status;
}

int nt_report_write_dir(const char *dir, unsigned files, const nt_model *model,
                        const nt_doc_topics *docs, const nt_report_options *opts,
                        nt_output_group *group, const nt_hooks *hooks, nt_error *err)
{
    dir_job job = {model, docs, opts, group, 0};
    if ((files & NT_REPORT_DOCUMENTS) && !docs)
        return nt_error_set(err, NT_EINVAL, "doc_topics.tsv needs document weights");
    int status = NT_OK;
    if (files & NT_REPORT_TOPICS)
        status = write_topic_files(dir, &job, err);
    if (status == NT_OK && (files & NT_REPORT_DOCUMENTS))
        status = write_one(dir, "doc_topics.tsv", write_docs, &job, err);
    if (status == NT_OK && (files & NT_REPORT_JSON))
        status = write_one(dir, "report.json", write_json, &job, err);
    if (status == NT_OK && docs) {
        nt_doc_shares *s;
        status = nt_doc_shares_compute(docs, &s, err);
        if (status == NT_OK && s->zero_rows > 0)
            nt_hooks_log(hooks, NT_LOG_WARNING,
                         "%zu of %zu documents share no term with the model; their topic "
                         "weights are all zero (dominant topic NA)", s->zero_rows, docs->m);
        nt_doc_shares_free(s);
    }
    return status;
}
