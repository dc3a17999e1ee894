/* grow.c: growing a heap array by doubling. */
#include "vocab/grow.h"

#include <stdlib.h>

#include "nmftopics/error.h"

int nt_grow_array(void **array, size_t elem, size_t cap, size_t need, size_t *new_cap)
{
    size_t c = cap ? cap : 256;
    while (c < need)
        c *= 2;
    if (c != cap) {
        void *p = realloc(*array, c * elem);
        if (!p)
            return NT_ENOMEM;
        *array = p;
    }
    *new_cap = c;
    return 0;
}
