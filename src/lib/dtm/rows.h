/* rows.h: the counted documents before the vocabulary is final: each row holds a
 * document's distinct vocabulary-builder term ids and their counts. */
#ifndef NT_DTM_ROWS_H
#define NT_DTM_ROWS_H

#include <stddef.h>

/* One counted document: n term ids and their counts. */
typedef struct nt_row {
    const int *term;   /* size n */
    const int *count;  /* size n */
    size_t n;
} nt_row;

/* Where one worker keeps its rows: blocks that never move once allocated, so adding a row
 * never copies the earlier ones, and rows are handed out as pointers, not copied again
 * when they are put in document order. */
typedef struct nt_row_store {
    int **blocks;       /* size blocks_cap: each holds cap[b] term ids then cap[b] counts */
    size_t *cap;        /* size blocks_cap: entries each block holds */
    size_t n_blocks;
    size_t blocks_cap;
    size_t used;        /* entries used in the last block */
} nt_row_store;

/* Releases s's storage; safe on a zeroed store. */
void nt_row_store_free(nt_row_store *s);

/* Copies a row of n entries into s and describes it in *out (valid until
 * nt_row_store_free). Returns 0 or NT_ENOMEM. */
int nt_row_store_add(nt_row_store *s, const int *term, const int *count, size_t n,
                     nt_row *out);

#endif
