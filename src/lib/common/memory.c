/* memory.c: the memory budget that size checks compare against. */
#define _POSIX_C_SOURCE 200809L
#include "common/memory.h"

#include <stdlib.h>
#include <unistd.h>

#include "common/number.h"

double nt_memory_budget(void)
{
    const char *limit = getenv("NT_MEMORY_LIMIT");
    if (limit) {
        char *end;
        double bytes = nt_number_parse(limit, &end);
        if (end != limit && *end == '\0' && bytes > 0)
            return bytes;
    }
    return (double)sysconf(_SC_PHYS_PAGES) * (double)sysconf(_SC_PAGESIZE);
}
