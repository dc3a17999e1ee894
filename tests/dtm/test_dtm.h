/* test_dtm.h: helpers shared by the files of the dtm test suite. */
#ifndef NT_TEST_DTM_H
#define NT_TEST_DTM_H

#include <check.h>

#include "nmftopics/dtm.h"

/* Builds the matrix of the folder dir, failing the test on any error. */
nt_dtm *build_dir(const char *dir, const nt_text_options *t, const nt_tfidf_options *f);

/* Adds the scikit-learn parity tests (test_dtm_parity.c) to tc. */
void add_parity_tests(TCase *tc);

#endif
