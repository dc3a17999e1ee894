/* rank_fixtures.h: what the files of the rank suite share: a planted topic corpus as a
 * TF-IDF matrix, and hand-made survey tables. */
#ifndef NT_TEST_RANK_FIXTURES_H
#define NT_TEST_RANK_FIXTURES_H

#include <check.h>
#include <stddef.h>

#include "nmftopics/rank.h"

/* A corpus of m documents over k0 topics with disjoint vocabularies of `words` terms each,
 * plus `background` terms shared by all: each document draws `tokens` tokens, 85% from its
 * topic (from two topics, 70/30, for every third document) and 15% from the background,
 * then counts become TF-IDF rows (smooth idf, unit L2 norm, as scikit-learn's defaults).
 * Columns of terms no document used are dropped. Fixed seed. */
cholmod_sparse *planted_corpus(size_t m, size_t k0, size_t words, size_t background,
                               size_t tokens, unsigned seed);

/* A table of nk rows with k = ks[q] and the given cv_error and cophenetic (NaN allowed);
 * other figures 0. Free with nt_rank_table_free. */
nt_rank_table *table_of(size_t nk, const size_t *ks, const double *cv, const double *coph,
                        int runs);

void rank_add_rule_tests(TCase *core);     /* test_rank_rule.c */
void rank_add_edge_tests(TCase *edge);     /* test_rank_edge.c */
void rank_add_error_tests(TCase *errors);  /* test_rank_edge.c */

#endif
