/* dtm_write.c: a document-term matrix as three files, PREFIX.mtx, .terms and .docs,
 * written all or none. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
        for (const char *c = dtm->doc_names[i]; *c; c++)
            putc(*c == '\n' || *c == '\r' ? ' ' : *c, out.fp);
        putc('\n', out.fp);
    }
    return nt_output_commit(&out, err);
}

/* PREFIX.terms, then PREFIX.docs unless that failed; rc[k] is set for each file tried. */
static void write_names(const nt_dtm *dtm, char *const paths[3], int rc[3], nt_error errs[3])
{
    rc[1] = nt_vocab_write(dtm->vocab, paths[1], &errs[1]);
    if (rc[1] == NT_OK)
        rc[2] = write_docs(dtm, paths[2], &errs[2]);
}

/* The matrix file, by far the largest, is written while a second thread writes the two
 * small ones. */
int nt_dtm_write(const nt_dtm *dtm, const char *prefix, nt_error *err)
{
    char *paths[3] = {path_with(prefix, ".mtx"), path_with(prefix, ".terms"),
                      path_with(prefix, ".docs")};
    if (!paths[0] || !paths[1] || !paths[2]) {
        for (int k = 0; k < 3; k++)
            free(paths[k]);
        return nt_error_set(err, NT_ENOMEM, "out of memory");
    }
    const int untried = 1;  /* no status: the file was not attempted */
    int rc[3] = {untried, untried, untried};
    nt_error errs[3];
#pragma omp parallel sections num_threads(2)
    {
#pragma omp section
        rc[0] = nt_sparse_write_mtx(paths[0], dtm->A, &errs[0]);
#pragma omp section
        write_names(dtm, paths, rc, errs);
    }
    int status = NT_OK;
    for (int k = 0; k < 3 && status == NT_OK; k++)
        if (rc[k] < 0) {
            status = rc[k];
            if (err)
                *err = errs[k];
        }
    for (int k = 0; k < 3; k++) {
        if (status != NT_OK && rc[k] == NT_OK)  /* all three files or none */
            unlink(paths[k]);
        free(paths[k]);
    }
    return status;
}
