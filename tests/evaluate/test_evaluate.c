/* test_evaluate.c: the evaluate suite: a hand-made model, documents and labels whose
 * coherence, diversity and agreement are worked out by hand. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate_tests.h"
#include "nmftopics/evaluate.h"
#include "nmftopics/matrix.h"
#include "nt_test.h"
#include "nt_test_nmf.h"

const char *temp_file(const char *text)
{
    static int files;
    char name[32];
    snprintf(name, sizeof name, "%d.tsv", files++);
    return nt_test_write_file(NULL, name, text);
}

/* 5 documents x 4 terms, 2 topics. Terms 0, 1 belong to topic 0 and 2, 3 to topic 1.
 * Documents: {0, 1}, {0, 1}, {2, 3}, {0, 2, 3}, {} (shares no term: all-zero weights). */
static const int doc_terms[5][3] = {{0, 1, -1}, {0, 1, -1}, {2, 3, -1}, {0, 2, 3}, {-1, -1, -1}};
static double H[8] = {0.5, 0.4, 0.1, 0.0, 0.0, 0.1, 0.5, 0.4};
static double W[10] = {1.0, 0.9, 0.1, 0.2, 0.0, 0.0, 0.1, 1.0, 0.8, 0.0};
static char *doc_names[5] = {"d0", "d1", "d2", "d3", "d4"};

static cholmod_sparse *documents(void)
{
    double dense[20] = {0};
    for (int i = 0; i < 5; i++)
        for (int q = 0; q < 3 && doc_terms[i][q] >= 0; q++)
            dense[doc_terms[i][q] * 5 + i] = 1.0;
    return nt_test_sparse_from_dense(dense, 5, 4);
}

/* The hand-made model and documents above; the caller frees dtm->A. */
static void hand_made(nt_model *model, nt_dtm *dtm)
{
    *model = (nt_model){0};
    model->k = 2, model->n = 4, model->h = H;
    *dtm = (nt_dtm){0};
    dtm->A = documents(), dtm->doc_names = doc_names;
}

/* By hand, with N = 5 documents and the top 2 terms of each topic ({0, 1} and {2, 3}):
 *   NPMI: topic 0, D(0) = 3, D(1) = 2, D(0,1) = 2: log(0.4 / (0.6 * 0.4)) / -log 0.4;
 *         topic 1, D(2) = D(3) = D(2,3) = 2: log(0.4 / 0.16) / -log 0.4 = 1.
 *   UMass: topic 0 log((2 + 1) / 3) = 0, topic 1 log((2 + 1) / 2).
 *   Diversity of the top 4 (all n) terms of 2 topics: 4 distinct of 8 = 0.5.
 * Dominant topics 0, 0, 1, 1 and none for d4. Labels a, a, b, a, b; d4 is left out, so
 * topic 0 holds {a, a} and topic 1 {b, a}:
 *   purity = (2 + 1) / 4; entropy = -(1/(4 log2 2)) * 2 log2(1/2) = 0.5;
 *   NMI = I / ((H(topics) + H(labels)) / 2) with the joint (0.5, 0.25, 0.25). */
START_TEST(hand_made_evaluation)
{
    nt_model model;
    nt_dtm dtm;
    hand_made(&model, &dtm);
    nt_labels *labels = NULL;
    nt_error err;
    ck_assert_int_eq(nt_labels_read(temp_file("d0\ta\nd1\ta\nd2\tb\nd3\ta\nd4\tb\n"), 2,
                                    (const char *const *)doc_names, 5, &labels, &err), NT_OK);
    nt_evaluation *ev = NULL;
    ck_assert_int_eq(nt_evaluation_compute(&model, &dtm, W, labels, 2, &ev, &err), NT_OK);
    double npmi0 = log(0.4 / 0.24) / -log(0.4);
    ck_assert_double_eq_tol(ev->coherence->npmi[0], npmi0, 1e-12);
    ck_assert_double_eq_tol(ev->coherence->npmi[1], 1.0, 1e-12);
    ck_assert_double_eq_tol(ev->coherence->umass[0], 0.0, 1e-12);
    ck_assert_double_eq_tol(ev->coherence->umass[1], log(1.5), 1e-12);
    ck_assert_double_eq_tol(ev->diversity, 0.5, 1e-15);
    ck_assert_uint_eq(ev->topic_documents[0], 2);
    ck_assert_uint_eq(ev->topic_documents[1], 2);
    ck_assert_uint_eq(ev->zero_documents, 1);
    ck_assert_int_eq(ev->agreement.documents, 4);
    ck_assert_int_eq(ev->agreement.classes, 2);
    ck_assert_double_eq_tol(ev->agreement.purity, 0.75, 1e-15);
    ck_assert_double_eq_tol(ev->agreement.entropy, 0.5, 1e-15);
    double mi = 0.5 * log(0.5 / 0.375) + 0.25 * log(0.25 / 0.375) + 0.25 * log(0.25 / 0.125);
    double ht = log(2.0), hl = -(0.75 * log(0.75) + 0.25 * log(0.25));
    ck_assert_double_eq_tol(ev->agreement.nmi, mi / ((ht + hl) / 2), 1e-12);
    nt_evaluation_free(ev);
    nt_labels_free(labels);
    nt_sparse_free(&dtm.A);
}
END_TEST

/* The text and JSON forms carry the figures; sizes that do not fit are refused. */
START_TEST(writers_and_size_checks)
{
    nt_model model;
    nt_dtm dtm;
    hand_made(&model, &dtm);
    nt_evaluation *ev = NULL;
    nt_error err;
    ck_assert_int_eq(nt_evaluation_compute(&model, &dtm, W, NULL, 10, &ev, &err), NT_OK);
    ck_assert_int_eq(ev->top_terms, 4);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ck_assert_int_eq(nt_evaluation_write_text(fp, ev, &err), NT_OK);
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(buf, "5 documents, 2 topics; coherence of the top 4 terms"));
    ck_assert_ptr_nonnull(strstr(buf, "diversity 0.5000; 1 document shares no term"));
    ck_assert_ptr_null(strstr(buf, "purity"));
    free(buf);
    fp = open_memstream(&buf, &len);
    ck_assert_int_eq(nt_evaluation_write_json(fp, ev, &err), NT_OK);
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(buf, "\"diversity\": 0.5,\n  \"zero_documents\": 1,"));
    ck_assert_ptr_nonnull(strstr(buf, "{\"topic\": 2, \"documents\": 2, \"npmi\": "));
    free(buf);
    nt_evaluation_free(ev);
    model.n = 5;
    ck_assert_int_eq(nt_evaluation_compute(&model, &dtm, W, NULL, 10, &ev, &err), NT_EINVAL);
    model.n = 4;
    ck_assert_int_eq(nt_evaluation_compute(&model, &dtm, W, NULL, 1, &ev, &err), NT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "top-terms (1, at least 2)"));
    nt_sparse_free(&dtm.A);
}
END_TEST

int main(void)
{
    nt_test_tmpdir(); /* made before the tests fork; nt_test_main removes it */
    nt_test_cases tc;
    Suite *s = nt_test_suite("evaluate", &tc);
    NT_TEST_ADD(tc.core, hand_made_evaluation);
    labels_add_core_tests(tc.core);
    NT_TEST_ADD(tc.edge, writers_and_size_checks);
    labels_add_error_tests(tc.errors);
    return nt_test_main(s);
}
