/* postings.c: document lists of the top terms only (k*T columns of A, never an n x n
 * co-occurrence matrix), with co-occurrence counted by merging two sorted lists. */
#include "postings.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int check_matrix(const cholmod_sparse *A, nt_error *err)
{
    if (!A)
        return nt_error_set(err, NT_EINVAL, "coherence: no document-term matrix given");
    if (A->itype != CHOLMOD_INT || A->xtype != CHOLMOD_REAL || A->dtype != CHOLMOD_DOUBLE)
        return nt_error_set(err, NT_EINVAL, "coherence: the document-term matrix must have "
                            "int indices and real double values");
    if (!A->packed || !A->sorted || A->stype != 0)
        return nt_error_set(err, NT_EINVAL, "coherence: the document-term matrix must be "
                            "packed, sorted and unsymmetric");
    if (A->nrow < 1 || A->ncol < 1 || A->nrow > (size_t)INT_MAX || A->ncol > (size_t)INT_MAX)
        return nt_error_set(err, NT_EINVAL, "coherence: the document-term matrix is %zu x %zu",
                            A->nrow, A->ncol);
    return NT_OK;
}

/* Sorts and deduplicates the requested terms into postings->term, checking their range. */
static int collect_terms(const cholmod_sparse *A, const int *terms, size_t count,
                         nt_postings *p, nt_error *err)
{
    p->term = malloc((count ? count : 1) * sizeof *p->term);
    if (!p->term)
        return nt_error_set(err, NT_ENOMEM, "coherence: out of memory for %zu terms", count);
    for (size_t i = 0; i < count; i++) {
        if (terms[i] < 0 || (size_t)terms[i] >= A->ncol)
            return nt_error_set(err, NT_EINVAL, "coherence: term index %d is not a column of "
                                "the %zu-term matrix", terms[i], A->ncol);
        p->term[i] = terms[i];
    }
    qsort(p->term, count, sizeof *p->term, compare_int);
    size_t distinct = 0;
    for (size_t i = 0; i < count; i++)
        if (distinct == 0 || p->term[distinct - 1] != p->term[i])
            p->term[distinct++] = p->term[i];
    p->terms = (int)distinct;
    return NT_OK;
}

/* Copies the rows of each held column whose value is nonzero (explicit zeros are not
 * occurrences); rows stay increasing because A is sorted. */
static int copy_lists(const cholmod_sparse *A, nt_postings *p, nt_error *err)
{
    const int *Ap = A->p, *Ai = A->i;
    const double *Ax = A->x;
    size_t total = 0;
    for (int s = 0; s < p->terms; s++)
        total += (size_t)(Ap[p->term[s] + 1] - Ap[p->term[s]]);
    p->start = malloc(((size_t)p->terms + 1) * sizeof *p->start);
    p->doc = malloc((total ? total : 1) * sizeof *p->doc);
    if (!p->start || !p->doc)
        return nt_error_set(err, NT_ENOMEM, "coherence: out of memory for %zu postings", total);
    size_t at = 0;
    for (int s = 0; s < p->terms; s++) {
        p->start[s] = at;
        for (int q = Ap[p->term[s]]; q < Ap[p->term[s] + 1]; q++)
            if (Ax[q] != 0.0)
                p->doc[at++] = Ai[q];
    }
    p->start[p->terms] = at;
    return NT_OK;
}

int nt_postings_build(const cholmod_sparse *A, const int *terms, size_t count,
                      nt_postings *postings, nt_error *err)
{
    memset(postings, 0, sizeof *postings);
    int rc = check_matrix(A, err);
    if (rc == NT_OK)
        rc = collect_terms(A, terms, count, postings, err);
    if (rc == NT_OK)
        rc = copy_lists(A, postings, err);
    if (rc != NT_OK)
        nt_postings_free(postings);
    else
        postings->documents = (int)A->nrow;
    return rc;
}

void nt_postings_free(nt_postings *postings)
{
    if (!postings)
        return;
    free(postings->term);
    free(postings->start);
    free(postings->doc);
    memset(postings, 0, sizeof *postings);
}

int nt_postings_slot(const nt_postings *postings, int term)
{
    const int *hit = bsearch(&term, postings->term, (size_t)postings->terms,
                             sizeof term, compare_int);
    return hit ? (int)(hit - postings->term) : -1;
}

int nt_postings_df(const nt_postings *postings, int a)
{
    return (int)(postings->start[a + 1] - postings->start[a]);
}

int nt_postings_common(const nt_postings *postings, int a, int b)
{
    const int *x = postings->doc + postings->start[a], *xe = postings->doc + postings->start[a + 1];
    const int *y = postings->doc + postings->start[b], *ye = postings->doc + postings->start[b + 1];
    int common = 0;
    while (x < xe && y < ye) {
        if (*x < *y) {
            x++;
        } else if (*y < *x) {
            y++;
        } else {
            common++;
            x++;
            y++;
        }
    }
    return common;
}
