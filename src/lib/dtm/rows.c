/* rows.c: appending counted documents to the compressed-row store. */
#include "dtm/rows.h"

#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"

int nt_rows_init(nt_rows *r)
{
    memset(r, 0, sizeof *r);
    r->ptr_cap = 1024;
    r->ptr = malloc(r->ptr_cap * sizeof *r->ptr);
    if (!r->ptr)
        return NT_ENOMEM;
    r->ptr[0] = 0;
    return 0;
}

void nt_rows_free(nt_rows *r)
{
    free(r->term);
    free(r->count);
    free(r->ptr);
    memset(r, 0, sizeof *r);
}

int nt_rows_append(nt_rows *r, const int *term, const int *count, size_t n)
{
    size_t nnz = r->ptr[r->m], need = nnz + n, cap = r->cap;
    if (need > cap && (nt_grow_array((void **)&r->term, sizeof *r->term, r->cap, need, &cap) ||
                       nt_grow_array((void **)&r->count, sizeof *r->count, r->cap, need, &cap)))
        return NT_ENOMEM;
    r->cap = cap;
    if (r->m + 2 > r->ptr_cap &&
        nt_grow_array((void **)&r->ptr, sizeof *r->ptr, r->ptr_cap, r->m + 2, &r->ptr_cap))
        return NT_ENOMEM;
    if (n > 0) {  /* an empty row may come before any storage exists */
        memcpy(r->term + nnz, term, n * sizeof *term);
        memcpy(r->count + nnz, count, n * sizeof *count);
    }
    r->ptr[++r->m] = need;
    return 0;
}
