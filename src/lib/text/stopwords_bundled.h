/* stopwords_bundled.h: the stop-word lists compiled into the library (the stopwords/ folder,
 * turned into C arrays at build time by embed_stopwords.cmake). */
#ifndef NT_STOPWORDS_BUNDLED_H
#define NT_STOPWORDS_BUNDLED_H

#include <stddef.h>

typedef struct nt_bundled_list {
    const char *name;  /* "english", ...; NULL ends the table */
    const char *text;  /* the file's bytes, size len */
    size_t len;
} nt_bundled_list;

/* Sorted by name, ended by an entry whose name is NULL. */
extern const nt_bundled_list nt_bundled_lists[];

/* The same names, NULL-terminated. */
extern const char *const nt_bundled_names[];

#endif
