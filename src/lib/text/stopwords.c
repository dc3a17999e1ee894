/* stopwords.c: the stop-word set, a hash set of normalised words. */
#include "nmftopics/stopwords.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

struct nt_stopwords {
    char *pool;              /* the words, each followed by a NUL, size pool_cap */
    size_t pool_len;
    size_t pool_cap;
    size_t *slots;           /* open addressing: pool offset + 1, 0 when empty; size nslots */
    size_t nslots;           /* a power of two, kept above twice count */
    size_t count;
    nt_text_scratch scratch; /* normalisation of a word being added */
};

int nt_stopwords_create(nt_stopwords **out, nt_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? NT_OK : nt_error_set(err, NT_ENOMEM, "out of memory creating stop words");
}

void nt_stopwords_free(nt_stopwords *sw)
{
    if (sw) {
        free(sw->pool);
        free(sw->slots);
        nt_text_scratch_free(&sw->scratch);
        free(sw);
    }
}

size_t nt_stopwords_count(const nt_stopwords *sw)
{
    return sw->count;
}

/* FNV-1a: short words, few of them; simple and good enough. */
static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The slot holding s, or the empty slot where it belongs. */
static size_t find_slot(const nt_stopwords *sw, const char *s, size_t len)
{
    size_t mask = sw->nslots - 1;
    size_t i = (size_t)hash_bytes(s, len) & mask;
    while (sw->slots[i]) {
        const char *w = sw->pool + sw->slots[i] - 1;
        if (memcmp(w, s, len) == 0 && w[len] == '\0')
            break;
        i = (i + 1) & mask;
    }
    return i;
}

int nt_stopwords_contains(const nt_stopwords *sw, const char *token, size_t len)
{
    return sw->count > 0 && sw->slots[find_slot(sw, token, len)] != 0;
}

static int grow_slots(nt_stopwords *sw)
{
    size_t n = sw->nslots ? sw->nslots * 2 : 64;
    size_t *old = sw->slots, old_n = sw->nslots;
    sw->slots = calloc(n, sizeof *sw->slots);
    if (!sw->slots) {
        sw->slots = old;
        return -1;
    }
    sw->nslots = n;
    for (size_t i = 0; i < old_n; i++) {
        if (old[i]) {
            const char *w = sw->pool + old[i] - 1;
            sw->slots[find_slot(sw, w, strlen(w))] = old[i];
        }
    }
    free(old);
    return 0;
}

/* Inserts a normalised word unless present. */
static int insert(nt_stopwords *sw, const char *w, size_t len)
{
    if ((sw->count + 1) * 2 > sw->nslots && grow_slots(sw) < 0)
        return -1;
    size_t slot = find_slot(sw, w, len);
    if (sw->slots[slot])
        return 0;
    if (sw->pool_len + len + 1 > sw->pool_cap) {
        size_t cap = sw->pool_cap ? sw->pool_cap : 1024;
        while (cap < sw->pool_len + len + 1)
            cap *= 2;
        char *pool = realloc(sw->pool, cap);
        if (!pool)
            return -1;
        sw->pool = pool;
        sw->pool_cap = cap;
    }
    memcpy(sw->pool + sw->pool_len, w, len);
    sw->pool[sw->pool_len + len] = '\0';
    sw->slots[slot] = sw->pool_len + 1;
    sw->pool_len += len + 1;
    sw->count++;
    return 0;
}

int nt_stopwords_add_word(nt_stopwords *sw, const char *word, size_t len)
{
    if (memchr(word, '\0', len) || !nt_text_utf8_valid(word, len))
        return NT_EFORMAT;
    ptrdiff_t n = nt_text_normalize(&sw->scratch, word, len);
    if (n < 0 || insert(sw, sw->scratch.data, (size_t)n) < 0)
        return NT_ENOMEM;
    return NT_OK;
}

int nt_stopwords_add(nt_stopwords *sw, const char *word, size_t len, nt_error *err)
{
    int rc = nt_stopwords_add_word(sw, word, len);
    if (rc == NT_EFORMAT)
        return nt_error_set(err, rc, "stop word '%.*s' is not valid UTF-8 text",
                            (int)(len > 64 ? 64 : len), word);
    if (rc == NT_ENOMEM)
        return nt_error_set(err, rc, "out of memory adding stop words");
    return NT_OK;
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int nt_stopwords_list(const nt_stopwords *sw, char ***out, nt_error *err)
{
    size_t pointers = (sw->count + 1) * sizeof(char *);
    char **list = malloc(pointers + sw->pool_len);
    if (!list)
        return nt_error_set(err, NT_ENOMEM, "out of memory listing %zu stop words", sw->count);
    char *words = (char *)list + pointers;
    if (sw->pool_len)
        memcpy(words, sw->pool, sw->pool_len);
    for (size_t q = 0, at = 0; q < sw->count; q++) {
        list[q] = words + at;
        at += strlen(words + at) + 1;
    }
    list[sw->count] = NULL;
    qsort(list, sw->count, sizeof *list, compare_words);
    *out = list;
    return NT_OK;
}
