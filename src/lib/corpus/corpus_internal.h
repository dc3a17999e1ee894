/* corpus_internal.h: the corpus record shared by the three ways of opening one. */
#ifndef NT_CORPUS_INTERNAL_H
#define NT_CORPUS_INTERNAL_H

#include <sys/types.h>

#include "nmftopics/corpus.h"

struct nt_corpus {
    int base_fd;          /* folder mode: the folder names are relative to; list mode:
                             AT_FDCWD; lines mode: the open file */
    int lines;            /* 1 in lines mode */
    char *source;         /* the folder, list or file as the caller named it */
    char *pool;           /* document names, each followed by a NUL, size pool_cap */
    size_t pool_len;
    size_t pool_cap;
    size_t *name_at;      /* offset of each name in pool, size cap */
    off_t *line_at;       /* lines mode: where each line starts, size cap; line_at[count]
                             is one past the end of the last line */
    size_t count;
    size_t cap;
    nt_corpus_stats stats;
};

/* Allocates an empty corpus named after source (base_fd = -1). NULL when out of memory. */
nt_corpus *nt_corpus_alloc(const char *source);

/* Appends a document named prefix followed by name. Returns NT_OK or NT_ENOMEM. */
int nt_corpus_add(nt_corpus *c, const char *prefix, size_t prefix_len, const char *name);

/* Ends an open: on success checks that a document was found (NT_EEMPTY naming what, else
 * hands c to *out); on failure frees c. Returns the final status. */
int nt_corpus_finish(nt_corpus *c, int rc, const char *what, nt_corpus **out,
                     nt_error *err);

#endif
