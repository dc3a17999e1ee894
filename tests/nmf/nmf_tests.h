/* nmf_tests.h: what the files of the nmf suite share: the planted fixture and fit helpers. */
#ifndef NT_TEST_NMF_TESTS_H
#define NT_TEST_NMF_TESTS_H

#include <check.h>

#include "nmf_fixtures.h"
#include "nmftopics/nmf.h"

/* 60 x 40, rank 4, 30% zeros in each factor; made by setup(), freed by teardown(). */
extern planted P;
void setup(void);
void teardown(void);

/* Default options with P's rank, one thread and the given algorithm and stopping. */
nt_nmf_options opts_for(int algorithm, int max_iter, double tol);

/* Fits and fails the test with the library's message on error. */
nt_nmf_result *fit_ok(const nt_matrix *a, const nt_nmf_options *o);

void nmf_add_core_tests(TCase *core);  /* test_nmf_core.c */
TCase *nmf_tcase_edge(void);           /* test_nmf_edge.c */
TCase *nmf_tcase_errors(void);         /* test_nmf_errors.c */
void nmf_add_final_w_tests(TCase *core, TCase *errors); /* test_nmf_final_w.c */

#endif
