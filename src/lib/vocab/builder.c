/* builder.c: adding unigrams, bigrams, surface forms and documents to a vocabulary builder. */
#include <stdlib.h>
#include <string.h>

#include "vocab/builder.h"
#include "vocab/builder_hashed.h"

nt_vocab_builder *nt_vocab_builder_create(void)
{
    nt_vocab_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (nt_strtab_init(&b->keys) != 0) {
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
    free(b->df);
    free(b->counts);
    free(b->best_surface);
    free(b->best_count);
    free(b->surface_text);
    free(b);
}

size_t nt_vocab_builder_count(const nt_vocab_builder *b)
{
    return b->keys.n;
}

/* Interns a key of this nt_strtab_hash; a new term gets zero statistics. Returns its id
 * or a negative status. */
static int add_key(nt_vocab_builder *b, const char *key, size_t len, uint64_t hash)
{
    size_t need = b->keys.n + 1, cap = b->term_cap;
    if (need > cap &&
        (nt_grow_array((void **)&b->df, sizeof *b->df, b->term_cap, need, &cap) ||
         nt_grow_array((void **)&b->counts, sizeof *b->counts, b->term_cap, need, &cap) ||
         nt_grow_array((void **)&b->best_surface, sizeof *b->best_surface, b->term_cap, need,
                       &cap) ||
         nt_grow_array((void **)&b->best_count, sizeof *b->best_count, b->term_cap, need, &cap)))
        return NT_ENOMEM;
    b->term_cap = cap;
    int id;
    int rc = nt_strtab_intern(&b->keys, key, len, hash, &id);
    if (rc < 0)
        return rc;
    if (rc == 1) {
        b->df[id] = b->counts[id] = b->best_count[id] = 0;
        b->best_surface[id] = NT_NO_SURFACE;
    }
    return id;
}

int nt_vocab_builder_add_stem_hashed(nt_vocab_builder *b, const char *stem, size_t len,
                                     uint64_t hash)
{
    if (len == 0 || stem[0] == NT_BIGRAM_MARK)
        return NT_EINVAL;
    return add_key(b, stem, len, hash);
}

void nt_vocab_builder_prefetch(const nt_vocab_builder *b, uint64_t hash)
{
    __builtin_prefetch(&b->keys.slots[(uint32_t)hash & (b->keys.slot_cap - 1)]);
}

int nt_vocab_builder_add_stem(nt_vocab_builder *b, const char *stem, size_t len)
{
    return nt_vocab_builder_add_stem_hashed(b, stem, len, nt_strtab_hash(stem, len));
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
    return add_key(b, key, sizeof key, nt_strtab_hash(key, sizeof key));
}

const char *nt_vocab_builder_surface(const nt_vocab_builder *b, int t)
{
    size_t at = b->best_surface[t];
    return at == NT_NO_SURFACE ? NULL : b->surface_text + at;
}

/* Nonzero when (surface, count) beats term t's current best. */
static int beats(const nt_vocab_builder *b, int t, const char *surface, size_t len,
                 int64_t count)
{
    const char *best = nt_vocab_builder_surface(b, t);
    if (!best || count != b->best_count[t])
        return !best || count > b->best_count[t];
    size_t best_len = strlen(best);
    int c = memcmp(surface, best, len < best_len ? len : best_len);
    return c < 0 || (c == 0 && len < best_len);
}

int nt_vocab_builder_offer_surface(nt_vocab_builder *b, int id, const char *surface,
                                   size_t len, int64_t count)
{
    if (!is_unigram(b, id))
        return NT_EINVAL;
    if (!beats(b, id, surface, len, count))
        return NT_OK;
    size_t need = b->text_len + len + 1;
    if (need > b->text_cap &&
        nt_grow_array((void **)&b->surface_text, 1, b->text_cap, need, &b->text_cap))
        return NT_ENOMEM;
    memcpy(b->surface_text + b->text_len, surface, len);
    b->surface_text[b->text_len + len] = '\0';
    b->best_surface[id] = b->text_len;
    b->best_count[id] = count;
    b->text_len = need;
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
