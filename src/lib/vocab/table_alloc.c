/* table_alloc.c: hash tables on huge pages when Linux offers them (madvise mode). */
#define _DEFAULT_SOURCE
#include "vocab/table_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

void *nt_table_calloc(size_t bytes)
{
#ifdef MADV_HUGEPAGE
    if (bytes >= HUGE_PAGE && bytes <= SIZE_MAX - HUGE_PAGE) {
        size_t size = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = aligned_alloc(HUGE_PAGE, size);
        if (p) {
            madvise(p, size, MADV_HUGEPAGE);  /* advice only: failing it costs nothing */
            memset(p, 0, bytes);
        }
        return p;
    }
#endif
    return calloc(bytes ? bytes : 1, 1);
}
