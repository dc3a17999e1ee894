/* labels.c: reading the labels of a corpus's documents from a NAME<TAB>LABEL file and
 * matching the names to the documents. */
#define _POSIX_C_SOURCE 200809L /* getline, strdup */
#include "nmftopics/evaluate.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A document's name and number; the array of them sorted by name is the lookup index. */
typedef struct named {
    const char *name;
    size_t doc;
} named;

static int compare_named(const void *a, const void *b)
{
    return strcmp(((const named *)a)->name, ((const named *)b)->name);
}

static named *index_build(const char *const *names, size_t m)
{
    named *ix = malloc((m ? m : 1) * sizeof *ix);
    if (!ix)
        return NULL;
    for (size_t i = 0; i < m; i++)
        ix[i] = (named){names[i], i};
    qsort(ix, m, sizeof *ix, compare_named);
    return ix;
}

/* The document called name, or m when there is none. */
static size_t index_find(const named *ix, size_t m, const char *name)
{
    named key = {name, 0};
    const named *hit = bsearch(&key, ix, m, sizeof *ix, compare_named);
    return hit ? hit->doc : m;
}

/* The class number of label, adding it when new; -1 when out of memory. */
static int class_of(nt_labels *l, const char *label)
{
    for (size_t c = 0; c < l->nclasses; c++)
        if (strcmp(l->classes[c], label) == 0)
            return (int)c;
    char **grown = realloc(l->classes, (l->nclasses + 1) * sizeof *grown);
    if (!grown)
        return -1;
    l->classes = grown;
    if (!(l->classes[l->nclasses] = strdup(label)))
        return -1;
    return (int)l->nclasses++;
}

/* Splits line in place: the name (field 1) and field column, or NULL when it is missing. */
static const char *field(char *line, size_t column)
{
    char *p = line;
    for (size_t f = 1; f < column; f++) {
        p = strchr(p, '\t');
        if (!p)
            return NULL;
        *p++ = '\0';
    }
    char *end = strchr(p, '\t');
    if (end)
        *end = '\0';
    return p;
}

typedef struct reader {
    const char *path;
    size_t column;
    named *ix;        /* the documents by name; size m */
    size_t m;
    size_t *line_of;  /* line that labelled document i, 0 for none; size m */
    size_t line;      /* current line number */
    int first;        /* no line read yet */
} reader;

/* One non-blank line. */
static int take_line(reader *r, nt_labels *l, char *text, nt_error *err)
{
    const char *label = field(text, r->column);
    size_t doc = index_find(r->ix, r->m, text);
    int first = r->first;
    r->first = 0;
    if (doc == r->m && first) {
        l->header = 1;
        return NT_OK;
    }
    if (!label)
        return nt_error_set(err, NT_EFORMAT, "%s, line %zu: no label in field %zu (lines are "
                                             "NAME<TAB>LABEL)", r->path, r->line, r->column);
    if (!*label)
        return nt_error_set(err, NT_EFORMAT, "%s, line %zu: the label of '%s' is empty",
                            r->path, r->line, text);
    if (doc == r->m) {
        if (l->unknown++ == 0 && !(l->first_unknown = strdup(text)))
            return nt_error_set(err, NT_ENOMEM, "out of memory reading %s", r->path);
        return NT_OK;
    }
    if (r->line_of[doc])
        return nt_error_set(err, NT_EFORMAT, "%s, line %zu: document '%s' is already "
                                             "labelled on line %zu", r->path, r->line, text,
                            r->line_of[doc]);
    r->line_of[doc] = r->line;
    if ((l->label[doc] = class_of(l, label)) < 0)
        return nt_error_set(err, NT_ENOMEM, "out of memory reading %s", r->path);
    l->labelled++;
    return NT_OK;
}

static int read_lines(reader *r, nt_labels *l, FILE *fp, nt_error *err)
{
    char *text = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = NT_OK;
    while (rc == NT_OK && (len = getline(&text, &cap, fp)) >= 0) {
        r->line++;
        while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
            text[--len] = '\0';
        if (len > 0)
            rc = take_line(r, l, text, err);
    }
    if (rc == NT_OK && ferror(fp))
        rc = nt_error_set(err, NT_EIO, "cannot read %s: %s", r->path, strerror(errno));
    free(text);
    return rc;
}

static nt_labels *labels_new(size_t m)
{
    nt_labels *l = calloc(1, sizeof *l);
    if (!l || !(l->label = malloc((m ? m : 1) * sizeof *l->label))) {
        free(l);
        return NULL;
    }
    l->m = m;
    for (size_t i = 0; i < m; i++)
        l->label[i] = -1;
    return l;
}

int nt_labels_read(const char *path, size_t column, const char *const *names, size_t m,
                   nt_labels **out, nt_error *err)
{
    *out = NULL;
    if (column < 2)
        return nt_error_set(err, NT_EINVAL, "label column %zu: field 1 is the document name, "
                                            "so the label is in field 2 or later", column);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return nt_error_set(err, NT_EIO, "cannot open labels file %s: %s", path, strerror(errno));
    reader r = {path, column, index_build(names, m), m, calloc(m ? m : 1, sizeof(size_t)), 0, 1};
    nt_labels *l = labels_new(m);
    int rc = NT_OK;
    if (!l || !r.ix || !r.line_of)
        rc = nt_error_set(err, NT_ENOMEM, "out of memory reading %s", path);
    if (rc == NT_OK)
        rc = read_lines(&r, l, fp, err);
    if (rc == NT_OK && l->labelled == 0)
        rc = nt_error_set(err, NT_EEMPTY, "%s labels none of the %zu documents%s%s%s", path, m,
                          l->first_unknown ? " (names are paths below the folder; e.g. '" : "",
                          l->first_unknown ? l->first_unknown : "",
                          l->first_unknown ? "' is none)" : "");
    fclose(fp);
    free(r.line_of);
    free(r.ix);
    if (rc != NT_OK) {
        nt_labels_free(l);
        return rc;
    }
    *out = l;
    return NT_OK;
}

void nt_labels_free(nt_labels *labels)
{
    if (!labels)
        return;
    for (size_t c = 0; c < labels->nclasses; c++)
        free(labels->classes[c]);
    free(labels->classes);
    free(labels->label);
    free(labels->first_unknown);
    free(labels);
}
