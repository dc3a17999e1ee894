/* rows.h: the counted documents, row after row, before the vocabulary is final: for each
 * row, its distinct vocabulary-builder term ids and their counts (compressed rows). */
#ifndef NT_DTM_ROWS_H
#define NT_DTM_ROWS_H

#include <stddef.h>

typedef struct nt_rows {
    int *term;    /* size cap: builder term ids, row after row */
    int *count;   /* size cap: occurrences of term[k] in its row */
    size_t *ptr;  /* size m + 1 (capacity ptr_cap): row i is [ptr[i], ptr[i + 1]) */
    size_t m;     /* rows */
    size_t cap;
    size_t ptr_cap;
} nt_rows;

/* Prepares an empty store; returns 0 or NT_ENOMEM. */
int nt_rows_init(nt_rows *r);

/* Releases r's storage; safe on a zeroed store. */
void nt_rows_free(nt_rows *r);

/* Appends a row of n entries; returns 0 or NT_ENOMEM. */
int nt_rows_append(nt_rows *r, const int *term, const int *count, size_t n);

#endif
