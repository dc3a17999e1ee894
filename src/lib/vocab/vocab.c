/* vocab.c: allocating, copying, freeing and searching a finished vocabulary. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "vocab/vocab_internal.h"

nt_vocab *nt_vocab_alloc(size_t n_terms)
{
    nt_vocab *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    size_t n = n_terms ? n_terms : 1;
    v->stems = calloc(n, sizeof *v->stems);
    v->surfaces = calloc(n, sizeof *v->surfaces);
    v->df = calloc(n, sizeof *v->df);
    v->counts = calloc(n, sizeof *v->counts);
    if (!v->stems || !v->surfaces || !v->df || !v->counts) {
        nt_vocab_free(v);
        return NULL;
    }
    v->n_terms = n_terms;
    return v;
}

void nt_vocab_free(nt_vocab *v)
{
    if (!v)
        return;
    for (size_t j = 0; !v->text && j < v->n_terms; j++) {
        if (v->stems)
            free(v->stems[j]);
        if (v->surfaces)
            free(v->surfaces[j]);
    }
    free(v->text);
    free(v->stems);
    free(v->surfaces);
    free(v->df);
    free(v->counts);
    free(v);
}

/* Copies s with its NUL to at; returns the byte after it. */
static char *put_string(char **slot, char *at, const char *s)
{
    size_t n = strlen(s) + 1;
    memcpy(at, s, n);
    *slot = at;
    return at + n;
}

nt_vocab *nt_vocab_copy(const nt_vocab *v)
{
    size_t bytes = 1;
    for (size_t j = 0; j < v->n_terms; j++)
        bytes += strlen(v->stems[j]) + strlen(v->surfaces[j]) + 2;
    nt_vocab *c = nt_vocab_alloc(v->n_terms);
    if (c && !(c->text = malloc(bytes))) {
        nt_vocab_free(c);
        c = NULL;
    }
    if (!c)
        return NULL;
    char *at = c->text;
    for (size_t j = 0; j < v->n_terms; j++) {
        at = put_string(&c->stems[j], at, v->stems[j]);
        at = put_string(&c->surfaces[j], at, v->surfaces[j]);
    }
    memcpy(c->df, v->df, v->n_terms * sizeof *c->df);
    memcpy(c->counts, v->counts, v->n_terms * sizeof *c->counts);
    return c;
}

/* Byte-wise comparison of two keys given with their lengths: the order of strcmp. */
static int key_compare(const char *a, size_t la, const char *b, size_t lb)
{
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c != 0)
        return c;
    return la < lb ? -1 : la > lb;
}

long nt_vocab_find(const nt_vocab *v, const char *key, size_t len)
{
    size_t lo = 0, hi = v->n_terms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *s = v->stems[mid];
        int c = key_compare(s, strlen(s), key, len);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
