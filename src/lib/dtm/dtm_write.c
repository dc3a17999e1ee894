/* dtm_write.c: a document-term matrix as three files, PREFIX.mtx, .terms and .docs,
 * written all or none. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/dtm.h"
#include "nmftopics/matrix.h"
#include "nmftopics/output.h"

/* PREFIX + suffix in a new string, or NULL. */
static char *path_with(const char *prefix, const char *suffix)
{
    size_t a = strlen(prefix), b = strlen(suffix);
    char *s = malloc(a + b + 1);
    if (s) {
        memcpy(s, prefix, a);
        memcpy(s + a, suffix, b + 1);
    }
    return s;
}

/* One name per line; line breaks inside a name become spaces to keep rows aligned. */
static int write_docs(const nt_dtm *dtm, const char *path, nt_error *err)
{
    nt_output out;
    int rc = nt_output_open(&out, path, err);
    if (rc != NT_OK)
        return rc;
    for (size_t i = 0; i < dtm->stats.documents; i++) {
        const char *name = dtm->doc_names[i];
        for (size_t n; *name; name += n) {
            n = strcspn(name, "\n\r");
            fwrite(name, 1, n, out.fp);
            if (name[n] != '\0') {
                putc(' ', out.fp);
                n++;
            }
        }
        putc('\n', out.fp);
    }
    return nt_output_commit(&out, err);
}

/* The three files form one output group: they appear together or not at all. The matrix
 * file, by far the largest, is formatted by all threads (nt_sparse_write_mtx). */
int nt_dtm_write(const nt_dtm *dtm, const char *prefix, nt_error *err)
{
    char *paths[3] = {path_with(prefix, ".mtx"), path_with(prefix, ".terms"),
                      path_with(prefix, ".docs")};
    const char *staged[3];
    nt_output_group group;
    nt_output_group_init(&group);
    int rc = NT_OK;
    if (!paths[0] || !paths[1] || !paths[2])
        rc = nt_error_set(err, NT_ENOMEM, "out of memory");
    for (int k = 0; k < 3 && rc == NT_OK; k++)
        rc = nt_output_group_add(&group, paths[k], &staged[k], err);
    if (rc == NT_OK)
        rc = nt_sparse_write_mtx(staged[0], dtm->A, err);
    if (rc == NT_OK)
        rc = nt_vocab_write(dtm->vocab, staged[1], err);
    if (rc == NT_OK)
        rc = write_docs(dtm, staged[2], err);
    rc = rc == NT_OK ? nt_output_group_commit(&group, err) : rc;
    nt_output_group_abort(&group);
    for (int k = 0; k < 3; k++)
        free(paths[k]);
    return rc;
}
