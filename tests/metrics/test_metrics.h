/* test_metrics.h: the metrics suite is split over two files; this joins them. */
#ifndef NT_TEST_METRICS_H
#define NT_TEST_METRICS_H

#include <check.h>

#define TOL 1e-12 /* hand-worked values: only rounding separates them from ours */

/* Registers the consensus and cophenetic-correlation tests (test_consensus.c). */
void add_consensus_tests(TCase *core, TCase *edge, TCase *errors);

#endif
