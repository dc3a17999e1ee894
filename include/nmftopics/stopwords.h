/* stopwords.h: a set of words to leave out, from bundled Snowball lists or the user's files. */
#ifndef NMFTOPICS_STOPWORDS_H
#define NMFTOPICS_STOPWORDS_H

#include <stddef.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returned (positive, not an error) by nt_stopwords_add_bundled when no list is bundled
 * for the language: the set is unchanged and the caller may turn this into a warning. */
#define NT_STOPWORDS_NOT_BUNDLED 1

/* A set of normalised words. Filling it is single-threaded; once filled, any number of
 * threads may call nt_stopwords_contains at once. */
typedef struct nt_stopwords nt_stopwords;

/* Creates an empty set. Returns NT_OK and *out, or NT_ENOMEM. */
int nt_stopwords_create(nt_stopwords **out, nt_error *err);

/* Releases sw; sw may be NULL. */
void nt_stopwords_free(nt_stopwords *sw);

/* Names of the bundled lists, NULL-terminated, sorted: the Snowball stemmer languages that
 * have a Snowball stop-word list ("danish", "dutch", "english", ...), plus "catalan", and
 * "smart" (the SMART retrieval system's longer English list). The lists are compiled into
 * the library: no data files are needed at run time. */
const char *const *nt_stopwords_bundled(void);

/* Adds the bundled list named language (as listed by nt_stopwords_bundled; exact,
 * lowercase). Returns NT_OK, NT_STOPWORDS_NOT_BUNDLED when there is no such list, or
 * NT_ENOMEM. */
int nt_stopwords_add_bundled(nt_stopwords *sw, const char *language, nt_error *err);

/* Adds the words of the text file path, in the Snowball list format: UTF-8 (a leading
 * byte-order mark and '\r' line ends accepted), usually one word per line; '|' starts a
 * comment that runs to the end of the line; every blank-separated word before it is added
 * (as Lucene reads these lists); blank and comment-only lines add nothing.
 * Returns NT_OK, NT_EIO naming path when it cannot be read, NT_EFORMAT naming path and
 * line when a word is not valid UTF-8, or NT_ENOMEM. */
int nt_stopwords_add_file(nt_stopwords *sw, const char *path, nt_error *err);

/* Adds one word (len bytes of UTF-8). Returns NT_OK, NT_EFORMAT when it is not valid
 * UTF-8, or NT_ENOMEM. */
int nt_stopwords_add(nt_stopwords *sw, const char *word, size_t len, nt_error *err);

/* Number of distinct words in the set. */
size_t nt_stopwords_count(const nt_stopwords *sw);

/* The words of the set as stored (normalised as described below), sorted byte-wise
 * (strcmp), in a NULL-terminated array of nt_stopwords_count(sw) + 1 pointers. The array
 * and the words are one allocation, released with free(). Returns NT_OK and *out, or
 * NT_ENOMEM. */
int nt_stopwords_list(const nt_stopwords *sw, char ***out, nt_error *err);

/* Returns 1 when the token (len bytes, as emitted by nt_tokenizer_run) is in the set,
 * else 0. Words are stored after the tokenizer's normalisation (NFKC and case folding), so
 * "The", "THE" and "the" in a list all match the token "the". A listed word containing a
 * character that never occurs inside a token (such as an apostrophe, as in "don't") can
 * never match. */
int nt_stopwords_contains(const nt_stopwords *sw, const char *token, size_t len);

#ifdef __cplusplus
}
#endif
#endif
