/* prune.c: finishing a vocabulary: document-frequency bounds, the max_terms cut, sorting
 * by key and choosing surface forms, with scikit-learn's semantics (CountVectorizer's
 * _limit_features): fractions are multiplied by the number of documents and compared
 * without rounding. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "vocab/builder.h"
#include "vocab/vocab_internal.h"

/* The key's first 8 bytes as a big-endian number, zero-padded. */
static uint64_t key_prefix(const char *key)
{
    uint64_t p = 0;
    for (int i = 0; i < 8 && key[i]; i++)
        p |= (uint64_t)(unsigned char)key[i] << (56 - 8 * i);
    return p;
}

/* Most frequent first; equal counts in key order, so the cut is deterministic. */
static int by_count_then_key(const void *a, const void *b)
{
    const nt_kept_term *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return nt_kept_term_by_key(a, b);
}

static int within(const nt_vocab_builder *b, size_t t, double low, double high)
{
    double df = (double)b->df[t];
    return df >= low && df <= high;
}

/* Writes a bigram's key, its stems joined by a space, with a NUL at at; returns the byte
 * after it. */
static char *put_bigram_key(const nt_vocab_builder *b, int first, int second, char *at)
{
    at = stpcpy(at, nt_strtab_str(&b->keys, first));
    *at++ = ' ';
    return stpcpy(at, nt_strtab_str(&b->keys, second)) + 1;
}

/* Collects the terms within [low, high] documents with their keys: a unigram's is the
 * builder's own string, and bigram keys are written into one new block, *bigram_keys. */
static int collect(const nt_vocab_builder *b, double low, double high, nt_kept_term *kept,
                   size_t *n_kept, char **bigram_keys)
{
    size_t n = nt_vocab_builder_count(b), bytes = 1, k = 0;
    int first, second;
    for (size_t t = 0; t < n; t++)
        if (within(b, t, low, high) && nt_vocab_builder_is_bigram(b, (int)t, &first, &second))
            bytes += nt_strtab_len(&b->keys, first) + nt_strtab_len(&b->keys, second) + 2;
    char *at = *bigram_keys = malloc(bytes);
    if (!at)
        return NT_ENOMEM;
    for (size_t t = 0; t < n; t++) {
        if (!within(b, t, low, high))
            continue;
        const char *key = nt_strtab_str(&b->keys, (int)t);
        if (nt_vocab_builder_is_bigram(b, (int)t, &first, &second)) {
            key = at;
            at = put_bigram_key(b, first, second, at);
        }
        kept[k++] = (nt_kept_term){key, key_prefix(key), b->counts[t], (int)t};
    }
    *n_kept = k;
    return NT_OK;
}

static int empty_error(const nt_vocab_builder *b, const nt_vocab_prune_options *opts,
                       size_t n_docs, double low, double high, nt_error *err)
{
    char lo[64], hi[64];
    nt_df_limit_format(opts->min_df, lo, sizeof lo);
    nt_df_limit_format(opts->max_df, hi, sizeof hi);
    if (nt_vocab_builder_count(b) == 0)
        return nt_error_set(err, NT_EEMPTY, "no terms in %zu documents", n_docs);
    return nt_error_set(err, NT_EEMPTY,
                        "no terms left: none of the %zu terms is in at least %g (min_df %s) and "
                        "at most %g (max_df %s) of the %zu documents",
                        nt_vocab_builder_count(b), low, lo, high, hi, n_docs);
}

/* The surface of a unigram term: its best surface, else its key. */
static const char *unigram_surface(const nt_vocab_builder *b, int t)
{
    const char *s = nt_vocab_builder_surface(b, t);
    return s ? s : nt_strtab_str(&b->keys, t);
}

/* The length of term t's surface; a bigram's joins those of its two unigrams. */
static size_t surface_len(const nt_vocab_builder *b, int t)
{
    int first, second;
    if (!nt_vocab_builder_is_bigram(b, t, &first, &second))
        return strlen(unigram_surface(b, t));
    return strlen(unigram_surface(b, first)) + 1 + strlen(unigram_surface(b, second));
}

/* Writes term t's surface with a NUL at at; returns the byte after it. */
static char *put_surface(const nt_vocab_builder *b, int t, char *at)
{
    int first, second;
    if (!nt_vocab_builder_is_bigram(b, t, &first, &second))
        return stpcpy(at, unigram_surface(b, t)) + 1;
    at = stpcpy(at, unigram_surface(b, first));
    *at++ = ' ';
    return stpcpy(at, unigram_surface(b, second)) + 1;
}

/* A new vocabulary of the sorted kept terms, its strings in one block (text), and the
 * old-to-new map. */
static nt_vocab *make_vocab(const nt_vocab_builder *b, const nt_kept_term *kept,
                            size_t n_kept, int *map)
{
    size_t bytes = 1;
    for (size_t j = 0; j < n_kept; j++)
        bytes += strlen(kept[j].key) + surface_len(b, kept[j].old) + 2;
    nt_vocab *v = nt_vocab_alloc(n_kept);
    if (v && !(v->text = malloc(bytes))) {
        nt_vocab_free(v);
        v = NULL;
    }
    char *at = v ? v->text : NULL;
    for (size_t j = 0; v && j < n_kept; j++) {
        int t = kept[j].old;
        v->stems[j] = at;
        at = stpcpy(at, kept[j].key) + 1;
        v->surfaces[j] = at;
        at = put_surface(b, t, at);
        v->df[j] = b->df[t];
        v->counts[j] = b->counts[t];
        map[t] = (int)j;
    }
    return v;
}

int nt_vocab_builder_finish(const nt_vocab_builder *b, const nt_vocab_prune_options *opts,
                            size_t n_docs, nt_vocab **out, int **old_to_new, nt_error *err)
{
    double low = nt_df_limit_documents(opts->min_df, n_docs);
    double high = nt_df_limit_documents(opts->max_df, n_docs);
    if (high < low) {
        char lo[64], hi[64];
        nt_df_limit_format(opts->min_df, lo, sizeof lo);
        nt_df_limit_format(opts->max_df, hi, sizeof hi);
        return nt_error_set(err, NT_EINVAL,
                            "max_df %s (%g documents) is below min_df %s (%g documents) for %zu "
                            "documents", hi, high, lo, low, n_docs);
    }
    size_t n = nt_vocab_builder_count(b), n_kept = 0;
    for (size_t t = 0; t < n; t++)  /* a messy corpus keeps a fraction of its terms */
        n_kept += within(b, t, low, high);
    nt_kept_term *kept = malloc((n_kept ? n_kept : 1) * sizeof *kept);
    int *map = malloc((n ? n : 1) * sizeof *map);
    char *bigram_keys = NULL;
    if (!kept || !map || collect(b, low, high, kept, &n_kept, &bigram_keys) != NT_OK) {
        free(kept);
        free(map);
        return nt_error_set(err, NT_ENOMEM, "out of memory pruning %zu terms", n);
    }
    if (n_kept == 0) {
        free(kept);
        free(map);
        free(bigram_keys);
        return empty_error(b, opts, n_docs, low, high, err);
    }
    if (opts->max_terms > 0 && n_kept > opts->max_terms) {
        qsort(kept, n_kept, sizeof *kept, by_count_then_key);
        n_kept = opts->max_terms;
    }
    nt_vocab *v = NULL;
    if (nt_kept_terms_sort(kept, n_kept) == NT_OK) {
        for (size_t t = 0; t < n; t++)
            map[t] = -1;
        v = make_vocab(b, kept, n_kept, map);
    }
    free(kept);
    free(bigram_keys);
    if (!v) {
        free(map);
        return nt_error_set(err, NT_ENOMEM, "out of memory building a vocabulary of %zu terms",
                            n_kept);
    }
    *out = v;
    *old_to_new = map;
    return NT_OK;
}
