/* test_vocab.h: helpers shared by the files of the vocab test suite. */
#ifndef NT_TEST_VOCAB_H
#define NT_TEST_VOCAB_H

#include <check.h>

#include "nmftopics/vocab.h"

/* df limits used throughout: a count of 1 or 2, and every document. */
#define COUNT1 ((nt_df_limit){1, 0})
#define COUNT2 ((nt_df_limit){2, 0})
#define ALL ((nt_df_limit){1.0, 1})

/* Ten documents where d is in 10, c in 6, b in 5, a in 3 and e in 1. */
extern const char *const ten_docs[10];

/* A builder fed documents written as space-separated stems: each distinct stem of a
 * document counts once towards its df, each occurrence towards its corpus count. */
nt_vocab_builder *build(const char *const *docs, size_t n_docs);

/* Finishes b over n_docs documents with the default prune options, failing the test on
 * error; *map receives the builder-id to term-index map. */
nt_vocab *finish_default(nt_vocab_builder *b, size_t n_docs, int **map);

/* Frees what a test built: the map, the vocabulary and the builder. */
void free_all(int *map, nt_vocab *v, nt_vocab_builder *b);

/* The keys of v joined by commas (a static buffer), for compact assertions. */
const char *keys(const nt_vocab *v);

/* Prunes b with the given bounds over n_docs documents; returns the status. */
int prune(const nt_vocab_builder *b, nt_df_limit min_df, nt_df_limit max_df, size_t max_terms,
          size_t n_docs, nt_vocab **v, nt_error *err);

/* The tests of test_vocab_prune.c, added to the suite's test cases. */
void add_edge_tests(TCase *tc);
void add_error_tests(TCase *tc);

/* The tests of test_strtab_hash.c. */
void add_hash_tests(TCase *tc);

#endif
