/* stopwords.c: a hash set of normalised words, filled from Snowball-format lists. */
#include "nmftopics/stopwords.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stopwords_bundled.h"
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

/* Normalises and inserts one word; returns a status without filling an error. */
static int add_word(nt_stopwords *sw, const char *word, size_t len)
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
    int rc = add_word(sw, word, len);
    if (rc == NT_EFORMAT)
        return nt_error_set(err, rc, "stop word '%.*s' is not valid UTF-8 text",
                            (int)(len > 64 ? 64 : len), word);
    if (rc == NT_ENOMEM)
        return nt_error_set(err, rc, "out of memory adding stop words");
    return NT_OK;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Adds every word of one line of a Snowball list, up to a '|' comment. */
static int add_line(nt_stopwords *sw, const char *s, size_t len)
{
    const char *bar = memchr(s, '|', len);
    size_t end = bar ? (size_t)(bar - s) : len;
    size_t i = 0;
    while (i < end) {
        while (i < end && is_blank(s[i]))
            i++;
        size_t start = i;
        while (i < end && !is_blank(s[i]))
            i++;
        int rc = i > start ? add_word(sw, s + start, i - start) : NT_OK;
        if (rc != NT_OK)
            return rc;
    }
    return NT_OK;
}

/* Adds a whole list held in memory; source names it in error messages. */
static int add_text(nt_stopwords *sw, const char *s, size_t len, const char *source,
                    nt_error *err)
{
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        len -= 3;
    }
    for (size_t line = 1; len > 0; line++) {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl ? (size_t)(nl - s) : len;
        int rc = add_line(sw, s, n);
        if (rc == NT_EFORMAT)
            return nt_error_set(err, rc, "%s, line %zu: a word is not valid UTF-8 text",
                                source, line);
        if (rc == NT_ENOMEM)
            return nt_error_set(err, rc, "out of memory adding the stop words of %s", source);
        n += nl != NULL;
        s += n;
        len -= n;
    }
    return NT_OK;
}

/* Reads a whole (small) file into a malloc'ed buffer. */
static int read_all(const char *path, char **data, size_t *len, nt_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return nt_error_set(err, NT_EIO, "cannot open stop-word file '%s': %s", path,
                            strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int rc = buf ? NT_OK : NT_ENOMEM;
    while (rc == NT_OK) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        char *bigger = realloc(buf, cap * 2);
        rc = bigger ? NT_OK : NT_ENOMEM;
        buf = bigger ? bigger : buf;
        cap *= 2;
    }
    if (rc == NT_OK && ferror(fp))
        rc = nt_error_set(err, NT_EIO, "cannot read stop-word file '%s': %s", path,
                          strerror(errno));
    else if (rc == NT_ENOMEM)
        nt_error_set(err, rc, "out of memory reading stop-word file '%s'", path);
    fclose(fp);
    if (rc != NT_OK)
        free(buf);
    *data = rc == NT_OK ? buf : NULL;
    *len = n;
    return rc;
}

int nt_stopwords_add_file(nt_stopwords *sw, const char *path, nt_error *err)
{
    char *data;
    size_t len;
    int rc = read_all(path, &data, &len, err);
    if (rc == NT_OK)
        rc = add_text(sw, data, len, path, err);
    free(data);
    return rc;
}

const char *const *nt_stopwords_bundled(void)
{
    return nt_bundled_names;
}

int nt_stopwords_add_bundled(nt_stopwords *sw, const char *language, nt_error *err)
{
    for (const nt_bundled_list *b = nt_bundled_lists; b->name; b++)
        if (strcmp(b->name, language) == 0)
            return add_text(sw, b->text, b->len, b->name, err);
    return NT_STOPWORDS_NOT_BUNDLED;
}
