/* recommend.c: the choice of k from a survey table, and the sentence that explains it (the
 * rule is stated in rank.h). */
#include "nmftopics/rank.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Appends to the reason, truncating rather than overflowing. */
static void say(nt_rank_choice *c, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void say(nt_rank_choice *c, const char *format, ...)
{
    size_t used = strlen(c->reason);
    va_list ap;
    va_start(ap, format);
    vsnprintf(c->reason + used, sizeof c->reason - used, format, ap);
    va_end(ap);
}

/* Index of the lowest finite cv_error (the first on ties), or nk when there is none. */
static size_t lowest_cv(const nt_rank_table *t)
{
    size_t best = t->nk;
    for (size_t q = 0; q < t->nk; q++)
        if (isfinite(t->rows[q].cv_error) && (best == t->nk || t->rows[q].cv_error <
                                                                   t->rows[best].cv_error))
            best = q;
    return best;
}

static int tied(const nt_rank_table *t, size_t q, double bound)
{
    return isfinite(t->rows[q].cv_error) && t->rows[q].cv_error <= bound;
}

/* Among the tied rows, the smallest k whose cophenetic correlation is within
 * NT_RANK_COPHENETIC_TIE of the highest; nk when no tied row has one. */
static size_t most_stable(const nt_rank_table *t, double bound)
{
    double top = -INFINITY;
    for (size_t q = 0; q < t->nk; q++)
        if (tied(t, q, bound) && isfinite(t->rows[q].cophenetic))
            top = fmax(top, t->rows[q].cophenetic);
    size_t best = t->nk;
    for (size_t q = 0; q < t->nk; q++)
        if (tied(t, q, bound) && isfinite(t->rows[q].cophenetic) &&
            t->rows[q].cophenetic >= top - NT_RANK_COPHENETIC_TIE &&
            (best == t->nk || t->rows[q].k < t->rows[best].k))
            best = q;
    return best;
}

/* The tied k listed as "k = 4, 5 and 6". */
static void list_tied(nt_rank_choice *c, const nt_rank_table *t, double bound, size_t count)
{
    size_t said = 0;
    say(c, "k = ");
    for (size_t q = 0; q < t->nk; q++)
        if (tied(t, q, bound)) {
            said++;
            say(c, "%zu%s", t->rows[q].k, said + 1 < count ? ", " : said < count ? " and " : "");
        }
}

static void explain(nt_rank_choice *c, const nt_rank_table *t, size_t low, double bound,
                    size_t count)
{
    const nt_rank_row *r = &t->rows[c->row];
    if (c->basis == NT_RANK_BY_CV) {
        say(c, "k = %zu has the lowest cross-validated error (%.4g); no other k is within "
               "%g%% of it.", r->k, r->cv_error, 100.0 * NT_RANK_CV_TIE);
    } else {
        list_tied(c, t, bound, count);
        say(c, " have cross-validated errors within %g%% of the lowest (%.4g at k = %zu), "
               "too close to separate; ", 100.0 * NT_RANK_CV_TIE, t->rows[low].cv_error,
            t->rows[low].k);
        if (c->basis == NT_RANK_BY_COPHENETIC)
            say(c, "of these k = %zu is the smallest with the most stable clustering over %d "
                   "runs (cophenetic correlation %.4f, within %g of the highest).", r->k,
                t->runs, r->cophenetic, NT_RANK_COPHENETIC_TIE);
        else
            say(c, "without a consensus (fewer than 2 runs) the smallest, k = %zu, is taken.",
                r->k);
    }
    if (c->at_edge > 0)
        say(c, " The error is lowest at the largest k tried: a larger k may fit better.");
    else if (c->at_edge < 0)
        say(c, " The error is lowest at the smallest k tried: a smaller k may fit better.");
}

int nt_rank_recommend(const nt_rank_table *table, nt_rank_choice *out, nt_error *err)
{
    memset(out, 0, sizeof *out);
    size_t low = table->nk ? lowest_cv(table) : 0;
    if (table->nk == 0 || low == table->nk)
        return nt_error_set(err, NT_EINVAL, "the survey has no k with a cross-validated error "
                                            "to recommend from");
    double bound = table->rows[low].cv_error * (1.0 + NT_RANK_CV_TIE);
    size_t count = 0, first = table->nk;
    for (size_t q = 0; q < table->nk; q++)
        if (tied(table, q, bound)) {
            count++;
            first = first < q ? first : q;
        }
    size_t stable = most_stable(table, bound);
    out->basis = count == 1 ? NT_RANK_BY_CV
                 : stable < table->nk ? NT_RANK_BY_COPHENETIC : NT_RANK_BY_PARSIMONY;
    out->row = out->basis == NT_RANK_BY_CV ? low
               : out->basis == NT_RANK_BY_COPHENETIC ? stable : first;
    out->k = table->rows[out->row].k;
    size_t kmin = table->rows[0].k, kmax = kmin;
    for (size_t q = 1; q < table->nk; q++) {
        kmin = table->rows[q].k < kmin ? table->rows[q].k : kmin;
        kmax = table->rows[q].k > kmax ? table->rows[q].k : kmax;
    }
    if (table->nk > 1 && table->rows[low].k == kmax)
        out->at_edge = 1;
    else if (table->nk > 1 && table->rows[low].k == kmin && kmin > 1)
        out->at_edge = -1;
    explain(out, table, low, bound, count);
    return NT_OK;
}
