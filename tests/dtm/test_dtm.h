/* test_dtm.h: helpers shared by the files of the dtm test suite. */
#ifndef NT_TEST_DTM_H
#define NT_TEST_DTM_H

#include <check.h>

#include "nmftopics/dtm.h"

/* Warnings and progress seen through the hooks (seen_log, seen_progress). */
typedef struct seen {
    int warnings;
    char last[1024];  /* the last warning */
    size_t progress_calls, done, total;
} seen;

void seen_log(void *user, nt_log_level level, const char *message);

/* Checks the phase name and that progress never goes backwards. */
void seen_progress(void *user, const char *phase, size_t done, size_t total);

/* A new folder name in the scratch folder holding one document "doc" with text; the path
 * is one of nt_test_path's rotating buffers. */
const char *one_doc_dir(const char *name, const char *text);

/* A new folder name in the scratch folder holding a.txt "Apple banana apple" and b.txt
 * "banana cherry"; the path is one of nt_test_path's rotating buffers. */
const char *fruit_dir(const char *name);

/* Opens the folder dir and builds its matrix; returns the status. */
int build_status(const char *dir, const nt_text_options *t, const nt_tfidf_options *f,
                 const nt_hooks *hooks, nt_dtm **d, nt_error *err);

/* Builds the matrix of the folder dir, failing the test on any error. */
nt_dtm *build_dir(const char *dir, const nt_text_options *t, const nt_tfidf_options *f);

/* Options with no df pruning and no stop words, so small corpora keep every token. */
void plain_options(nt_text_options *t, nt_tfidf_options *f);

/* plain_options without stemming, idf or row normalisation: the matrix holds raw counts. */
void count_options(nt_text_options *t, nt_tfidf_options *f);

/* Value of (r, c) of a sorted compressed-column matrix, 0 when not stored. */
double entry(const cholmod_sparse *A, int r, int c);

/* n_docs documents of pseudo-random text (fixed seed) from a small stock of words, some
 * of them empty, written as dNNNN.txt into the new folder name of the scratch folder; returns
 * the folder's path (a static buffer overwritten by the next call). */
const char *make_random_corpus(const char *name, int n_docs);

/* The tests of the other files, added to the suite's test cases. */
void add_parity_tests(TCase *tc);
void add_assemble_tests(TCase *tc);
void add_edge_tests(TCase *tc);
void add_error_tests(TCase *tc);

#endif
