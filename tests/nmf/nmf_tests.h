/* nmf_tests.h: what the files of the nmf suite share: the planted fixture and the lists of
 * tests each file adds. */
#ifndef NT_TEST_NMF_TESTS_H
#define NT_TEST_NMF_TESTS_H

#include <check.h>

#include "nt_test_nmf.h"

/* 60 x 40, rank 4, 30% zeros in each factor, seed 7; made before and freed after each test
 * by the fixture test_nmf.c gives every test case. */
extern nt_test_planted P;

void nmf_add_core_tests(TCase *core);     /* test_nmf_core.c */
void nmf_add_edge_tests(TCase *edge);     /* test_nmf_edge.c */
void nmf_add_error_tests(TCase *errors);  /* test_nmf_errors.c */
void nmf_add_final_w_tests(TCase *core, TCase *errors);  /* test_nmf_final_w.c */

#endif
