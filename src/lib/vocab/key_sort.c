/* key_sort.c: sorting kept terms by key: a least-significant-digit radix sort of the 8-byte
 * key prefixes, one byte per pass, then strcmp order within runs of equal prefixes. A
 * vocabulary of tens of thousands of terms sorts in a few passes over memory instead of
 * a function call per comparison. */
#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/vocab_internal.h"

int nt_kept_term_by_key(const void *a, const void *b)
{
    const nt_kept_term *x = a, *y = b;
    if (x->prefix != y->prefix)
        return x->prefix < y->prefix ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Moves the n terms of from into to, stably ordered by the prefix byte at shift. */
static void radix_pass(const nt_kept_term *from, nt_kept_term *to, size_t n, unsigned shift)
{
    size_t start[256] = {0};
    for (size_t i = 0; i < n; i++)
        start[from[i].prefix >> shift & 0xFF]++;
    size_t at = 0;
    for (unsigned d = 0; d < 256; d++) {
        size_t count = start[d];
        start[d] = at;
        at += count;
    }
    for (size_t i = 0; i < n; i++)
        to[start[from[i].prefix >> shift & 0xFF]++] = from[i];
}

/* Whether every term has the same prefix byte at shift (then a pass changes nothing). */
static int same_byte(const nt_kept_term *kept, size_t n, unsigned shift)
{
    for (size_t i = 1; i < n; i++)
        if ((kept[i].prefix ^ kept[0].prefix) >> shift & 0xFF)
            return 0;
    return 1;
}

int nt_kept_terms_sort(nt_kept_term *kept, size_t n)
{
    nt_kept_term *spare = malloc((n ? n : 1) * sizeof *spare);
    if (!spare)
        return NT_ENOMEM;
    nt_kept_term *from = kept, *to = spare;
    for (unsigned shift = 0; shift < 64; shift += 8) {
        if (same_byte(from, n, shift))
            continue;
        radix_pass(from, to, n, shift);
        nt_kept_term *t = from;
        from = to;
        to = t;
    }
    if (from != kept)
        memcpy(kept, from, n * sizeof *kept);
    free(spare);
    for (size_t i = 0, j; i < n; i = j) {  /* runs of equal prefixes: keys longer than 8 */
        for (j = i + 1; j < n && kept[j].prefix == kept[i].prefix; j++)
            ;
        if (j - i > 1)
            qsort(kept + i, j - i, sizeof *kept, nt_kept_term_by_key);
    }
    return NT_OK;
}
