/* agreement.c: purity, entropy and NMI of the dominant topics against known labels.
 *
 * From the contingency table n(q, j) = documents of topic q with label j (labelled
 * documents only), n(q) and n(j) its margins, n the total and l the number of distinct
 * labels:
 *   purity  = (1/n) sum_q max_j n(q, j)                          (R NMF purity())
 *   entropy = -1/(n log2 l) sum_q sum_j n(q, j) log2(n(q, j) / n(q))  (R NMF entropy(),
 *             Kim & Park 2007; 0 log 0 = 0). R divides by log2 of the table's column
 *             count, which is l for a factor of the labels; with l = 1 R returns NaN
 *             (0/0), here 0 since every topic is then pure.
 *   nmi     = I(topics; labels) / ((H(topics) + H(labels)) / 2), the arithmetic-mean
 *             normalisation of sklearn's normalized_mutual_info_score (its default), with
 *             its limit cases: 1 when both sides have a single value, 0 when I = 0.
 * Topics without labelled documents are empty rows and change none of the three. */
#include "nmftopics/metrics.h"

#include <math.h>
#include <stdlib.h>

typedef struct table {
    int rows, cols;   /* topics 0..rows-1, labels 0..cols-1 (largest seen + 1) */
    long *n;          /* n[q*cols + j]; size rows*cols */
    long *row, *col;  /* margins; sizes rows and cols */
    long total;
} table;

static int check_inputs(const int *topic, const int *label, int m, table *tb, nt_error *err)
{
    if (!topic || !label || m < 1)
        return nt_error_set(err, NT_EINVAL, "agreement: need topics and labels for m >= 1 "
                            "documents (got m = %d)", m);
    tb->rows = tb->cols = 0;
    for (int i = 0; i < m; i++) {
        if (topic[i] < 0)
            return nt_error_set(err, NT_EINVAL, "agreement: document %d has topic %d", i, topic[i]);
        if (label[i] < -1)
            return nt_error_set(err, NT_EINVAL, "agreement: document %d has label %d (labels "
                                "are >= 0, or -1 for none)", i, label[i]);
        if (label[i] >= 0) {
            tb->rows = topic[i] + 1 > tb->rows ? topic[i] + 1 : tb->rows;
            tb->cols = label[i] + 1 > tb->cols ? label[i] + 1 : tb->cols;
        }
    }
    if (tb->cols == 0)
        return nt_error_set(err, NT_EEMPTY, "agreement: none of the %d documents has a label", m);
    return NT_OK;
}

static int fill_table(const int *topic, const int *label, int m, table *tb, nt_error *err)
{
    tb->n = calloc((size_t)tb->rows * tb->cols, sizeof *tb->n);
    tb->row = calloc((size_t)tb->rows, sizeof *tb->row);
    tb->col = calloc((size_t)tb->cols, sizeof *tb->col);
    if (!tb->n || !tb->row || !tb->col)
        return nt_error_set(err, NT_ENOMEM, "agreement: out of memory for a %d x %d table",
                            tb->rows, tb->cols);
    tb->total = 0;
    for (int i = 0; i < m; i++) {
        if (label[i] < 0)
            continue;
        tb->n[(size_t)topic[i] * tb->cols + label[i]]++;
        tb->row[topic[i]]++;
        tb->col[label[i]]++;
        tb->total++;
    }
    return NT_OK;
}

static int count_nonzero(const long *x, int count)
{
    int nonzero = 0;
    for (int i = 0; i < count; i++)
        nonzero += x[i] > 0;
    return nonzero;
}

/* Shannon entropy (natural log) of the distribution x / total. */
static double margin_entropy(const long *x, int count, long total)
{
    double h = 0.0;
    for (int i = 0; i < count; i++)
        if (x[i] > 0)
            h -= (double)x[i] / total * log((double)x[i] / total);
    return h;
}

static void score(const table *tb, nt_agreement *out)
{
    double n = (double)tb->total, majority = 0.0, within = 0.0, mi = 0.0;
    for (int q = 0; q < tb->rows; q++) {
        long best = 0;
        for (int j = 0; j < tb->cols; j++) {
            long c = tb->n[(size_t)q * tb->cols + j];
            if (c == 0)
                continue;
            best = c > best ? c : best;
            within += c * log2((double)c / tb->row[q]);
            mi += c / n * log(n * c / ((double)tb->row[q] * tb->col[j]));
        }
        majority += best;
    }
    out->purity = majority / n;
    out->entropy = out->classes > 1 ? -within / (n * log2(out->classes)) : 0.0;
    double hsum = margin_entropy(tb->row, tb->rows, tb->total) +
                  margin_entropy(tb->col, tb->cols, tb->total);
    if (out->topics == 1 && out->classes == 1)
        out->nmi = 1.0;
    else
        out->nmi = mi > 0.0 ? mi / (0.5 * hsum) : 0.0;
}

int nt_agreement_compute(const int *topic, const int *label, int m, nt_agreement *out,
                         nt_error *err)
{
    table tb = {0};
    int rc = out ? check_inputs(topic, label, m, &tb, err)
                 : nt_error_set(err, NT_EINVAL, "agreement: no result record given");
    if (rc == NT_OK)
        rc = fill_table(topic, label, m, &tb, err);
    if (rc == NT_OK) {
        out->documents = (int)tb.total;
        out->topics = count_nonzero(tb.row, tb.rows);
        out->classes = count_nonzero(tb.col, tb.cols);
        score(&tb, out);
    }
    free(tb.n);
    free(tb.row);
    free(tb.col);
    return rc;
}
