/* mtx_read.c: a strict Matrix Market reader: every malformed line is an error naming its line.
 *
 * CHOLMOD's reader guesses where the format is broken (a single index 0 turns the whole file
 * 0-based, entries beyond the declared count are dropped, a misspelt banner is accepted) and
 * its messages carry no line number, so the text is parsed here and CHOLMOD only turns the
 * triplets into a sorted compressed-column matrix, summing duplicates. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cholmod_context.h"
#include "common/memory.h"
#include "common/number.h"
#include "nmftopics/matrix.h"

enum { FIELD_REAL, FIELD_PATTERN };

typedef struct mtx_file {
    FILE *fp;
    const char *path;
    char *line;     /* current line, size cap */
    size_t cap;
    size_t lineno;  /* 1-based number of the current line */
    int coordinate; /* coordinate (sparse) or array (dense) format */
    int field;      /* FIELD_REAL (real or integer) or FIELD_PATTERN */
    int symmetric;  /* only the lower triangle is stored */
    size_t m, n;    /* declared size */
    size_t entries; /* declared entries (coordinate) or m*n (array) */
} mtx_file;

/* Reads the next line that is neither blank nor a comment; 0 at the end of the file. */
static int next_data_line(mtx_file *f)
{
    while (getline(&f->line, &f->cap, f->fp) >= 0) {
        f->lineno++;
        const char *s = f->line + strspn(f->line, " \t\r\n");
        if (*s != '\0' && *s != '%')
            return 1;
    }
    return 0;
}

static int parse_banner(mtx_file *f, nt_error *err)
{
    char word[5][32];
    if (getline(&f->line, &f->cap, f->fp) < 0 ||
        sscanf(f->line, "%31s %31s %31s %31s %31s", word[0], word[1], word[2], word[3], word[4]) != 5 ||
        strcasecmp(word[0], "%%MatrixMarket") != 0 || strcasecmp(word[1], "matrix") != 0)
        return nt_error_set(err, NT_EFORMAT,
                            "%s:1: not a Matrix Market file (expected '%%%%MatrixMarket matrix "
                            "coordinate|array real|integer|pattern general|symmetric')", f->path);
    f->lineno = 1;
    f->coordinate = strcasecmp(word[2], "coordinate") == 0;
    int real = strcasecmp(word[3], "real") == 0 || strcasecmp(word[3], "integer") == 0;
    f->field = real ? FIELD_REAL : FIELD_PATTERN;
    f->symmetric = strcasecmp(word[4], "symmetric") == 0;
    if (!f->coordinate && strcasecmp(word[2], "array") != 0)
        return nt_error_set(err, NT_EFORMAT, "%s:1: unknown format '%s' (coordinate or array)", f->path, word[2]);
    if (!real && (strcasecmp(word[3], "pattern") != 0 || !f->coordinate))
        return nt_error_set(err, NT_EFORMAT, "%s:1: unsupported field '%s' (real, integer or pattern)",
                            f->path, word[3]);
    if (f->symmetric && !f->coordinate)
        return nt_error_set(err, NT_EFORMAT, "%s:1: symmetric arrays are not supported", f->path);
    if (!f->symmetric && strcasecmp(word[4], "general") != 0)
        return nt_error_set(err, NT_EFORMAT, "%s:1: unsupported symmetry '%s' (general or symmetric)",
                            f->path, word[4]);
    return NT_OK;
}

/* Parses the next whitespace-separated unsigned integer of *s, at most max. */
static int parse_count(char **s, size_t max, size_t *out)
{
    char *end;
    *s += strspn(*s, " \t");
    if (!(**s >= '0' && **s <= '9'))
        return 0;
    errno = 0;
    unsigned long long v = strtoull(*s, &end, 10);
    if (errno != 0 || v > max)
        return 0;
    *s = end;
    *out = (size_t)v;
    return 1;
}

static int at_line_end(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

/* Reads "ROWS COLUMNS ENTRIES" (coordinate) or "ROWS COLUMNS" (array). */
static int parse_size_line(mtx_file *f)
{
    size_t limit = INT_MAX; /* CHOLMOD's int indices */
    if (!next_data_line(f))
        return 0;
    char *s = f->line;
    if (!parse_count(&s, limit, &f->m) || !parse_count(&s, limit, &f->n))
        return 0;
    if (f->coordinate && !parse_count(&s, limit, &f->entries))
        return 0;
    return at_line_end(s);
}

static int parse_size(mtx_file *f, nt_error *err)
{
    if (!parse_size_line(f))
        return nt_error_set(err, NT_EFORMAT, "%s:%zu: expected the size line '%s' (whole numbers up to %d)",
                            f->path, f->lineno, f->coordinate ? "ROWS COLUMNS ENTRIES" : "ROWS COLUMNS",
                            INT_MAX);
    if (!f->coordinate)
        f->entries = f->m * f->n;
    if (f->symmetric && f->m != f->n)
        return nt_error_set(err, NT_EFORMAT, "%s:%zu: a symmetric matrix must be square, not %zu x %zu",
                            f->path, f->lineno, f->m, f->n);
    /* Turning triplets into compressed columns takes row and column pointers and a work
     * array of the larger dimension, whatever the entries: refuse a declared size that would
     * take over half the memory budget rather than exhaust the machine. */
    double pointers = (double)f->m + (double)f->n + (double)(f->m > f->n ? f->m : f->n) + 2;
    double bytes = pointers * sizeof(int);
    if (bytes > nt_memory_budget() / 2)
        return nt_error_set(err, NT_ENOMEM, "%s:%zu: a %zu x %zu matrix would need %.3g GB of memory",
                            f->path, f->lineno, f->m, f->n, bytes / 1e9);
    return NT_OK;
}

/* Appends (i, j, x) to T, growing it geometrically; 0 when out of memory. */
static int append(cholmod_triplet *T, int i, int j, double x, cholmod_common *cc)
{
    if (T->nnz == T->nzmax && !cholmod_reallocate_triplet(2 * T->nzmax + 1024, T, cc))
        return 0;
    ((int *)T->i)[T->nnz] = i;
    ((int *)T->j)[T->nnz] = j;
    ((double *)T->x)[T->nnz] = x;
    T->nnz++;
    return 1;
}

/* Stores one entry (and its mirror image in a symmetric matrix); the zeros of a dense array
 * are left out. Returns 0 when out of memory. */
static int store_entry(const mtx_file *f, cholmod_triplet *T, size_t i, size_t j, double x,
                       cholmod_common *cc)
{
    if (!f->coordinate && x == 0.0)
        return 1;
    if (!append(T, (int)i, (int)j, x, cc))
        return 0;
    return !f->symmetric || i == j || append(T, (int)j, (int)i, x, cc);
}

/* Parses one entry line: "I J [VALUE]" (coordinate) or "VALUE" (array). */
static int parse_entry(mtx_file *f, size_t k, size_t *i, size_t *j, double *x)
{
    char *s = f->line, *end;
    if (f->coordinate) {
        if (!parse_count(&s, f->m, i) || !parse_count(&s, f->n, j) || *i == 0 || *j == 0)
            return 0;
        --*i;
        --*j;
    } else {
        *i = k % f->m;
        *j = k / f->m;
    }
    if (f->field == FIELD_PATTERN) {
        *x = 1.0;
        return at_line_end(s);
    }
    *x = strtod(s, &end);  /* in the C locale: see read_all_entries */
    return end != s && at_line_end(end);
}

static int read_entries(mtx_file *f, cholmod_triplet *T, cholmod_common *cc, nt_error *err)
{
    for (size_t k = 0; k < f->entries; k++) {
        size_t i, j;
        double x;
        if (!next_data_line(f))
            return nt_error_set(err, NT_EFORMAT, "%s: the file ends after %zu of its %zu entries",
                                f->path, k, f->entries);
        if (!parse_entry(f, k, &i, &j, &x))
            return nt_error_set(err, NT_EFORMAT, "%s:%zu: expected %s with indices within %zu x %zu",
                                f->path, f->lineno,
                                f->coordinate ? (f->field == FIELD_PATTERN ? "'ROW COLUMN'" : "'ROW COLUMN VALUE'")
                                              : "one value",
                                f->m, f->n);
        if (f->symmetric && j > i)
            return nt_error_set(err, NT_EFORMAT, "%s:%zu: entry above the diagonal in a symmetric matrix",
                                f->path, f->lineno);
        if (!store_entry(f, T, i, j, x, cc))
            return nt_error_set(err, NT_ENOMEM, "%s: out of memory at line %zu", f->path, f->lineno);
    }
    if (next_data_line(f))
        return nt_error_set(err, NT_EFORMAT, "%s:%zu: more entries than the %zu declared", f->path,
                            f->lineno, f->entries);
    return NT_OK;
}

/* read_entries' arguments, for nt_number_in_c. */
typedef struct entries_job {
    mtx_file *f;
    cholmod_triplet *T;
    cholmod_common *cc;
    nt_error *err;
} entries_job;

/* read_entries with the thread in the C locale, switched once for all the values. */
static int read_all_entries(void *job)
{
    entries_job *j = job;
    return read_entries(j->f, j->T, j->cc, j->err);
}

int nt_sparse_read_mtx(const char *path, cholmod_sparse **out, nt_error *err)
{
    *out = NULL;
    mtx_file f = {.path = path};
    f.fp = fopen(path, "r");
    if (!f.fp)
        return nt_error_set(err, NT_EIO, "cannot open %s: %s", path, strerror(errno));
    cholmod_common cc;
    nt_cholmod_start(&cc);
    cholmod_triplet *T = NULL;
    int rc = parse_banner(&f, err);
    if (rc == NT_OK)
        rc = parse_size(&f, err);
    if (rc == NT_OK) {
        T = cholmod_allocate_triplet(f.m, f.n, 1024, 0, CHOLMOD_REAL, &cc);
        entries_job job = {&f, T, &cc, err};
        rc = T ? nt_number_in_c(read_all_entries, &job)
               : nt_error_set(err, NT_ENOMEM, "out of memory reading %s", path);
    }
    if (rc == NT_OK && !ferror(f.fp)) {
        *out = cholmod_triplet_to_sparse(T, T->nnz, &cc);
        if (!*out)
            rc = nt_error_set(err, NT_ENOMEM, "out of memory reading %s (%s)", path, nt_cholmod_last_message());
    } else if (rc == NT_OK) {
        rc = nt_error_set(err, NT_EIO, "cannot read %s", path);
    }
    cholmod_free_triplet(&T, &cc);
    cholmod_finish(&cc);
    free(f.line);
    fclose(f.fp);
    return rc;
}
