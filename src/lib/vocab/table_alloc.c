/* table_alloc.c: large hash tables as anonymous mappings faulted in writable at once, on
 * huge pages when Linux offers them (madvise mode); small ones from the heap. */
#define _DEFAULT_SOURCE
#include "vocab/table_alloc.h"

#include <stdlib.h>
#include <sys/mman.h>

#define MAPPED_MIN ((size_t)64 << 10)  /* below this, the heap */
#define HUGE_MIN ((size_t)2 << 20)     /* one huge page */

void *nt_table_calloc(size_t bytes)
{
    if (bytes < MAPPED_MIN)
        return calloc(bytes ? bytes : 1, 1);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (bytes >= HUGE_MIN)
        madvise(p, bytes, MADV_HUGEPAGE);  /* advice only: failing it costs nothing */
#endif
#ifdef MADV_POPULATE_WRITE
    /* Tables are probed (read) before they are written: a page first read maps the shared
     * zero page, and the first write then replaces it, a copy-on-write fault that flushes
     * the TLBs of the process' other threads by interrupting their cores. Faulting the
     * pages in writable now avoids it (Linux 5.14 on; failing leaves the faults as they
     * were). A calloc'd block this large would be a fresh mapping read first as well. */
    madvise(p, bytes, MADV_POPULATE_WRITE);
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
