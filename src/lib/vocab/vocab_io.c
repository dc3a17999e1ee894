/* vocab_io.c: a vocabulary as a text file, one "key TAB surface TAB df" line per column. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matrix/decimal.h"
#include "nmftopics/output.h"
#include "vocab/vocab_internal.h"

/* Lines are put together by hand and written whole: fprintf's formatting took longer than
 * everything else tfidf's writing does per term. */
int nt_vocab_write(const nt_vocab *v, const char *path, nt_error *err)
{
    nt_output out;
    int rc = nt_output_open(&out, path, err);
    if (rc != NT_OK)
        return rc;
    char *line = NULL;
    size_t cap = 0;
    for (size_t j = 0; j < v->n_terms; j++) {
        size_t need = strlen(v->stems[j]) + strlen(v->surfaces[j]) + NT_DECIMAL_MAX + 3;
        if (need > cap) {
            free(line);
            cap = 2 * need;
            if (!(line = malloc(cap))) {
                nt_output_abort(&out);
                return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", path);
            }
        }
        char *end = stpcpy(line, v->stems[j]);
        *end++ = '\t';
        end = stpcpy(end, v->surfaces[j]);
        *end++ = '\t';
        end = nt_decimal_uint(end, (uint64_t)v->df[j]);
        *end++ = '\n';
        fwrite(line, 1, (size_t)(end - line), out.fp);
    }
    free(line);
    return nt_output_commit(&out, err);
}

/* Growable list of parsed lines. */
typedef struct term_list {
    char **stems;     /* size cap */
    char **surfaces;  /* size cap */
    int64_t *df;      /* size cap */
    size_t n, cap;
} term_list;

static void term_list_free(term_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->stems[i]);
        free(l->surfaces[i]);
    }
    free(l->stems);
    free(l->surfaces);
    free(l->df);
}

static int term_list_push(term_list *l, const char *stem, const char *surface, int64_t df)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 1024;
        char **a = realloc(l->stems, cap * sizeof *a);
        if (a)
            l->stems = a;
        char **b = realloc(l->surfaces, cap * sizeof *b);
        if (b)
            l->surfaces = b;
        int64_t *c = realloc(l->df, cap * sizeof *c);
        if (c)
            l->df = c;
        if (!a || !b || !c)
            return NT_ENOMEM;
        l->cap = cap;
    }
    l->stems[l->n] = strdup(stem);
    l->surfaces[l->n] = strdup(surface);
    l->df[l->n] = df;
    l->n++;
    return l->stems[l->n - 1] && l->surfaces[l->n - 1] ? NT_OK : NT_ENOMEM;
}

/* Splits one line (without its newline) in place and appends it; NT_EFORMAT when the
 * line has not three fields, a non-numeric df, or a key not after the previous one. */
static int parse_line(char *line, term_list *l)
{
    char *tab1 = strchr(line, '\t');
    char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2 || tab1 == line || strchr(tab2 + 1, '\t'))
        return NT_EFORMAT;
    *tab1 = *tab2 = '\0';
    char *end;
    errno = 0;
    long long df = strtoll(tab2 + 1, &end, 10);
    if (errno != 0 || end == tab2 + 1 || *end != '\0' || df < 0)
        return NT_EFORMAT;
    if (l->n > 0 && strcmp(l->stems[l->n - 1], line) >= 0)
        return NT_EFORMAT;
    return term_list_push(l, line, tab1 + 1, df);
}

static int read_lines(FILE *fp, const char *path, term_list *l, nt_error *err)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = NT_OK;
    while (rc == NT_OK && (len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        rc = parse_line(line, l);
    }
    free(line);
    if (rc == NT_EFORMAT)
        return nt_error_set(err, rc, "%s:%zu: expected 'key<TAB>surface<TAB>df' with keys "
                            "sorted and distinct", path, lineno);
    if (rc == NT_OK && ferror(fp))
        return nt_error_set(err, NT_EIO, "cannot read %s: %s", path, strerror(errno));
    if (rc == NT_OK && l->n == 0)
        return nt_error_set(err, NT_EEMPTY, "%s holds no terms", path);
    if (rc != NT_OK)
        return nt_error_set(err, rc, "out of memory reading %s", path);
    return NT_OK;
}

int nt_vocab_read(const char *path, nt_vocab **out, nt_error *err)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return nt_error_set(err, NT_EIO, "cannot open %s: %s", path, strerror(errno));
    term_list l = {0};
    int rc = read_lines(fp, path, &l, err);
    fclose(fp);
    nt_vocab *v = rc == NT_OK ? calloc(1, sizeof *v) : NULL;
    if (rc == NT_OK && (!v || !(v->counts = calloc(l.n, sizeof *v->counts)))) {
        free(v);
        v = NULL;
        rc = nt_error_set(err, NT_ENOMEM, "out of memory reading %s", path);
    }
    if (rc != NT_OK) {
        term_list_free(&l);
        return rc;
    }
    v->n_terms = l.n;
    v->stems = l.stems;
    v->surfaces = l.surfaces;
    v->df = l.df;
    *out = v;
    return NT_OK;
}
