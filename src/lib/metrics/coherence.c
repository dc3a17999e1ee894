/* coherence.c: NPMI and UMass coherence of each topic's top terms over documents.
 *
 * Counts are document-level and boolean (gensim's "boolean_document" estimate): with N
 * documents, D(w) is the number containing w and D(w, v) the number containing both.
 *
 * NPMI (Bouma 2009, used as C_NPMI by Roeder et al. 2015 and gensim's c_npmi): with
 * p(w) = D(w)/N and p(w, v) = D(w, v)/N,
 *     NPMI(w, v) = log(p(w, v) / (p(w) p(v))) / -log p(w, v),
 * and a topic scores the mean over its T(T-1)/2 unordered pairs (NPMI is symmetric, so
 * this equals gensim's mean over ordered one-one pairs). No epsilon is added: gensim puts
 * eps = 1e-12 inside both logarithms, which changes co-occurring pairs by a relative
 * ~1e-12 N only, but scores a pair that never co-occurs -1 + log(p(w) p(v)) / log(eps)
 * (about -0.67 for p = 0.01) instead of the limit value. Here:
 *   - D(w, v) = 0 (never together): NPMI = -1, its limit as p(w, v) -> 0;
 *   - D(w, v) = N (both in every document): p = 1 makes it 0/0; both words are then
 *     independent of everything, so NPMI = 0.
 *
 * UMass (Mimno et al. 2011), with the topic's terms v_0, v_1, ... best first:
 *     UMass = sum over r = 1..T-1, s = 0..r-1 of log((D(v_r, v_s) + 1) / D(v_s)),
 * a sum (as in the paper, not gensim's mean) over the T(T-1)/2 pairs, each conditioned on
 * the better-ranked term. A term in no document (possible only for an all-zero column)
 * has its D(v_s) taken as 1, consistent with the +1 smoothing, so its pairs add 0. */
#include "nmftopics/metrics.h"

#include <math.h>
#include <stdlib.h>

#include "postings.h"

static double npmi_pair(int dw, int dv, int dwv, int N)
{
    if (dwv == 0)
        return -1.0;
    if (dwv == N)
        return 0.0;
    double pw = (double)dw / N, pv = (double)dv / N, pwv = (double)dwv / N;
    return log(pwv / (pw * pv)) / -log(pwv);
}

/* Scores one topic whose term slots are slot[0 .. T), best first. */
static void score_topic(const nt_postings *p, const int *slot, int T, double *npmi,
                        double *umass)
{
    double npmi_sum = 0.0, umass_sum = 0.0;
    for (int r = 1; r < T; r++) {
        int dr = nt_postings_df(p, slot[r]);
        for (int s = 0; s < r; s++) {
            int ds = nt_postings_df(p, slot[s]);
            int both = nt_postings_common(p, slot[r], slot[s]);
            npmi_sum += npmi_pair(dr, ds, both, p->documents);
            umass_sum += log((both + 1.0) / (ds > 0 ? ds : 1));
        }
    }
    *npmi = npmi_sum / (0.5 * T * (T - 1));
    *umass = umass_sum;
}

static int check_topics(const int *top, int k, int T, nt_error *err)
{
    if (!top || k < 1 || T < 2)
        return nt_error_set(err, NT_EINVAL, "coherence: need k >= 1 topics with T >= 2 top "
                            "terms each (got k = %d, T = %d)", k, T);
    for (int t = 0; t < k; t++)
        for (int r = 1; r < T; r++)
            for (int s = 0; s < r; s++)
                if (top[(size_t)t * T + r] == top[(size_t)t * T + s])
                    return nt_error_set(err, NT_EINVAL, "coherence: topic %d lists term %d "
                                        "twice among its top terms", t, top[(size_t)t * T + r]);
    return NT_OK;
}

static nt_coherence *coherence_alloc(int k, int T, nt_error *err)
{
    nt_coherence *c = calloc(1, sizeof *c);
    if (c) {
        c->k = k;
        c->T = T;
        c->npmi = malloc((size_t)k * sizeof *c->npmi);
        c->umass = malloc((size_t)k * sizeof *c->umass);
    }
    if (!c || !c->npmi || !c->umass) {
        nt_coherence_free(c);
        nt_error_set(err, NT_ENOMEM, "coherence: out of memory for %d topics", k);
        return NULL;
    }
    return c;
}

static void score_all(const nt_postings *p, const int *top, int *slot, nt_coherence *c)
{
    c->npmi_mean = c->umass_mean = 0.0;
    for (int t = 0; t < c->k; t++) {
        for (int r = 0; r < c->T; r++)
            slot[r] = nt_postings_slot(p, top[(size_t)t * c->T + r]);
        score_topic(p, slot, c->T, &c->npmi[t], &c->umass[t]);
        c->npmi_mean += c->npmi[t] / c->k;
        c->umass_mean += c->umass[t] / c->k;
    }
}

nt_coherence *nt_coherence_compute(const cholmod_sparse *A, const int *top, int k, int T,
                                   nt_error *err)
{
    if (check_topics(top, k, T, err) != NT_OK)
        return NULL;
    nt_postings p;
    if (nt_postings_build(A, top, (size_t)k * T, &p, err) != NT_OK)
        return NULL;
    nt_coherence *c = coherence_alloc(k, T, err);
    int *slot = c ? malloc((size_t)T * sizeof *slot) : NULL;
    if (c && !slot) {
        nt_error_set(err, NT_ENOMEM, "coherence: out of memory");
        nt_coherence_free(c);
        c = NULL;
    }
    if (c)
        score_all(&p, top, slot, c);
    free(slot);
    nt_postings_free(&p);
    return c;
}

void nt_coherence_free(nt_coherence *coherence)
{
    if (!coherence)
        return;
    free(coherence->npmi);
    free(coherence->umass);
    free(coherence);
}
