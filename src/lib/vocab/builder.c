/* builder.c: adding unigrams, bigrams, surface forms and documents to a vocabulary builder. */
#include <stdlib.h>
#include <string.h>

#include "vocab/builder.h"

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

nt_vocab_builder *nt_vocab_builder_create(void)
{
    nt_vocab_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (nt_strtab_init(&b->keys) != 0 || nt_strtab_init(&b->surfaces) != 0) {
        nt_vocab_builder_free(b);
        return NULL;
    }
    return b;
}

void nt_vocab_builder_free(nt_vocab_builder *b)
{
    if (!b)
        return;
    nt_strtab_free(&b->keys);
    nt_strtab_free(&b->surfaces);
    free(b->df);
    free(b->counts);
    free(b->surface_count);
    free(b);
}

size_t nt_vocab_builder_count(const nt_vocab_builder *b)
{
    return b->keys.n;
}

/* Interns a key; a new term gets zero statistics. Returns its id or a negative status. */
static int add_key(nt_vocab_builder *b, const char *key, size_t len)
{
    size_t need = b->keys.n + 1, cap = b->term_cap;
    if (need > cap &&
        (nt_grow_array((void **)&b->df, sizeof *b->df, b->term_cap, need, &cap) ||
         nt_grow_array((void **)&b->counts, sizeof *b->counts, b->term_cap, need, &cap)))
        return NT_ENOMEM;
    b->term_cap = cap;
    int id;
    int rc = nt_strtab_intern(&b->keys, key, len, nt_strtab_hash(key, len), &id);
    if (rc < 0)
        return rc;
    if (rc == 1)
        b->df[id] = b->counts[id] = 0;
    return id;
}

int nt_vocab_builder_add_stem(nt_vocab_builder *b, const char *stem, size_t len)
{
    if (len == 0 || stem[0] == NT_BIGRAM_MARK)
        return NT_EINVAL;
    return add_key(b, stem, len);
}

int nt_vocab_builder_is_bigram(const nt_vocab_builder *b, int t, int *first, int *second)
{
    const char *key = nt_strtab_str(&b->keys, t);
    if (key[0] != NT_BIGRAM_MARK)
        return 0;
    int32_t ids[2];
    memcpy(ids, key + 1, sizeof ids);
    *first = ids[0];
    *second = ids[1];
    return 1;
}

/* Nonzero when t is the id of a unigram term. */
static int is_unigram(const nt_vocab_builder *b, int t)
{
    int first, second;
    return t >= 0 && (size_t)t < b->keys.n && !nt_vocab_builder_is_bigram(b, t, &first, &second);
}

int nt_vocab_builder_add_bigram(nt_vocab_builder *b, int first, int second)
{
    if (!is_unigram(b, first) || !is_unigram(b, second))
        return NT_EINVAL;
    char key[NT_BIGRAM_KEY_LEN];
    int32_t ids[2] = {first, second};
    key[0] = NT_BIGRAM_MARK;
    memcpy(key + 1, ids, sizeof ids);
    return add_key(b, key, sizeof key);
}

int nt_vocab_builder_add_surface(nt_vocab_builder *b, int id, const char *surface, size_t len,
                                 int64_t count)
{
    if (!is_unigram(b, id))
        return NT_EINVAL;
    size_t need = b->surfaces.n + 1, cap = b->surface_cap;
    if (need > cap &&
        nt_grow_array((void **)&b->surface_count, sizeof *b->surface_count, b->surface_cap,
                      need, &cap))
        return NT_ENOMEM;
    b->surface_cap = cap;
    /* Keyed by (term, surface): the same spelling may belong to several terms. */
    char small[64];
    size_t key_len = NT_SURFACE_KEY_PREFIX + len;
    char *key = key_len <= sizeof small ? small : malloc(key_len);
    if (!key)
        return NT_ENOMEM;
    int32_t term = id;
    memcpy(key, &term, sizeof term);
    memcpy(key + NT_SURFACE_KEY_PREFIX, surface, len);
    int s;
    int rc = nt_strtab_intern(&b->surfaces, key, key_len, nt_strtab_hash(key, key_len), &s);
    if (key != small)
        free(key);
    if (rc < 0)
        return rc;
    if (rc == 1)
        b->surface_count[s] = 0;
    b->surface_count[s] += count;
    return NT_OK;
}

void nt_vocab_builder_add_document(nt_vocab_builder *b, const int *terms, const int *counts,
                                   size_t n)
{
    for (size_t k = 0; k < n; k++) {
        b->df[terms[k]] += 1;
        b->counts[terms[k]] += counts[k];
    }
}
