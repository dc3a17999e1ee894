/* stem.h: Snowball stemming of tokens, the only part of nmftopics that calls libstemmer. */
#ifndef NMFTOPICS_STEM_H
#define NMFTOPICS_STEM_H

#include <stddef.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Snowball algorithms available, NULL-terminated, by their canonical names
 * ("arabic", ..., "english", ..., "porter", ..., "yiddish"); owned by the library. */
const char *const *nt_stem_languages(void);

/* A stemmer for one language. Not thread-safe (it returns a buffer it owns): use one per
 * thread. */
typedef struct nt_stemmer nt_stemmer;

/* Creates a stemmer working on UTF-8 for language: a name from nt_stem_languages() or
 * one of the ISO 639 codes libstemmer also accepts ("en", "fra", ...). Returns NT_OK and
 * *out, NT_EINVAL "unknown language 'xx' (nmftopics tfidf --list-languages lists them)",
 * or NT_ENOMEM. */
int nt_stemmer_create(const char *language, nt_stemmer **out, nt_error *err);

/* Stems word (len bytes of UTF-8, as emitted by the tokenizer: case-folded). Returns the
 * stem, NUL-terminated, with its length in *stem_len; the buffer belongs to the stemmer
 * and is valid until its next call. Returns NULL only when memory runs out. */
const char *nt_stemmer_stem(nt_stemmer *stemmer, const char *word, size_t len,
                            size_t *stem_len);

/* Releases stemmer; stemmer may be NULL. */
void nt_stemmer_free(nt_stemmer *stemmer);

#ifdef __cplusplus
}
#endif
#endif
