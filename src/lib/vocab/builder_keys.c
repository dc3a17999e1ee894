/* builder_keys.c: a builder term's key as a string, and mapping builder terms onto an
 * existing vocabulary. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "vocab/builder.h"

/* Joins two strings with a space into a new string; NULL when out of memory. */
static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (s) {
        memcpy(s, a, la);
        s[la] = ' ';
        memcpy(s + la + 1, b, lb + 1);
    }
    return s;
}

char *nt_vocab_builder_key(const nt_vocab_builder *b, int t)
{
    int first, second;
    if (nt_vocab_builder_is_bigram(b, t, &first, &second))
        return join(nt_strtab_str(&b->keys, first), nt_strtab_str(&b->keys, second));
    return strdup(nt_strtab_str(&b->keys, t));
}

/* Column of term t in v, or -1. */
static long find_term(const nt_vocab_builder *b, const nt_vocab *v, int t, int *failed)
{
    int first, second;
    if (!nt_vocab_builder_is_bigram(b, t, &first, &second))
        return nt_vocab_find(v, nt_strtab_str(&b->keys, t), nt_strtab_len(&b->keys, t));
    char *key = nt_vocab_builder_key(b, t);
    if (!key) {
        *failed = 1;
        return -1;
    }
    long j = nt_vocab_find(v, key, strlen(key));
    free(key);
    return j;
}

int nt_vocab_builder_map(const nt_vocab_builder *b, const nt_vocab *v, int **old_to_new,
                         nt_error *err)
{
    size_t n = nt_vocab_builder_count(b);
    int *map = malloc((n ? n : 1) * sizeof *map);
    int failed = map == NULL;
    for (size_t t = 0; t < n && !failed; t++)
        map[t] = (int)find_term(b, v, (int)t, &failed);
    if (failed) {
        free(map);
        return nt_error_set(err, NT_ENOMEM, "out of memory mapping %zu terms onto a vocabulary", n);
    }
    *old_to_new = map;
    return NT_OK;
}
