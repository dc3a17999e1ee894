/* stopwords_load.c: filling a stop-word set from Snowball-format lists, bundled or in files. */
#include "nmftopics/stopwords.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stopwords_bundled.h"
#include "text_internal.h"

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
        int rc = i > start ? nt_stopwords_add_word(sw, s + start, i - start) : NT_OK;
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
