/* table_alloc.c: large hash tables as anonymous mappings, on huge pages when Linux offers
 * them (madvise mode), small ones from the heap. */
#define _DEFAULT_SOURCE
#include "vocab/table_alloc.h"

#include <stdlib.h>
#include <sys/mman.h>

#define MAPPED_MIN ((size_t)2 << 20)  /* one huge page */

void *nt_table_calloc(size_t bytes)
{
    if (bytes < MAPPED_MIN)
        return calloc(bytes ? bytes : 1, 1);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);  /* advice only: failing it costs nothing */
#endif
    return p;
}

void nt_table_free(void *p, size_t bytes)
{
    if (p && bytes >= MAPPED_MIN)
        munmap(p, bytes);
    else
        free(p);
}
