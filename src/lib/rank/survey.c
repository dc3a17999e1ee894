/* survey.c: the rank survey: for each candidate k, the restarts and their consensus, the
 * scores of the best restart's topics, and the cross-validation fits. */
#include "nmftopics/rank.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>

#include "nmftopics/metrics.h"
#include "common/random.h"

typedef struct survey {
    const cholmod_sparse *A;
    const nt_rank_options *opts;
    const nt_hooks *hooks;
    nt_holdout *holdout;
    int *sample;        /* documents the consensus is taken over, increasing; size nsample */
    size_t nsample;
    int *topic;         /* dominant topic of every document in the current fit; size m */
    int *sample_topic;  /* the same for the sampled documents; size nsample */
    size_t fits_done, fits_total;
    nt_rank_table *table;
} survey;

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The consensus documents: those with a term (empty documents would share topic 0 in every
 * run and look stable), at most consensus_docs of them, a seeded uniform sample when there
 * are more (a partial Fisher-Yates shuffle), kept in document order. */
static int sample_documents(survey *s, nt_error *err)
{
    const cholmod_sparse *A = s->A;
    const int *ap = A->p, *ai = A->i;
    size_t m = A->nrow, have = 0;
    s->sample = malloc(m * sizeof *s->sample);
    char *used = calloc(m, 1);
    if (!s->sample || !used) {
        free(used);
        return nt_error_set(err, NT_ENOMEM, "out of memory for the consensus documents");
    }
    for (size_t q = 0; q < (size_t)ap[A->ncol]; q++)
        used[ai[q]] = 1;
    for (size_t i = 0; i < m; i++)
        if (used[i])
            s->sample[have++] = (int)i;
    free(used);
    size_t keep = have < s->opts->consensus_docs ? have : s->opts->consensus_docs;
    nt_rng rng;
    nt_rng_seed(&rng, s->opts->nmf.seed ^ 0x636f6e73656e7375ULL); /* not the hold-out's */
    for (size_t q = 0; q < keep && keep < have; q++) {
        size_t r = q + (size_t)(nt_rng_uniform(&rng) * (double)(have - q));
        int t = s->sample[q];
        s->sample[q] = s->sample[r];
        s->sample[r] = t;
    }
    qsort(s->sample, keep, sizeof *s->sample, compare_ints);
    s->nsample = keep;
    if (keep < 2)
        return nt_error_set(err, NT_EEMPTY, "only %zu document%s any term; a survey of k needs "
                                            "at least 2", keep, keep == 1 ? " has" : "s have");
    return NT_OK;
}

/* One fit of rank k with seed; progress counts fits. */
static int fit_one(survey *s, size_t k, uint64_t seed, const nt_nmf_entry_list *holdout,
                   nt_nmf_result **res, nt_error *err)
{
    nt_nmf_options o = s->opts->nmf;
    o.k = k;
    o.runs = 1;
    o.seed = seed;
    o.holdout = holdout;
    o.record_trace = 0;
    nt_matrix a = {s->A->nrow, s->A->ncol, s->A, NULL};
    int rc = nt_nmf_fit(&a, &o, NULL, res, err);
    nt_hooks_progress(s->hooks, "rank", ++s->fits_done, s->fits_total);
    return rc;
}

/* The restarts: each adds its dominant topics to the consensus; *best keeps the lowest
 * objective (the first on ties, as nt_nmf_fit does). */
static int restarts(survey *s, nt_rank_row *row, nt_consensus *cons, nt_nmf_result **best,
                    nt_error *err)
{
    const nt_rank_options *o = s->opts;
    int rc = NT_OK;
    for (int r = 0; rc == NT_OK && r < o->runs; r++) {
        nt_nmf_result *res = NULL;
        rc = fit_one(s, row->k, o->nmf.seed + (uint64_t)r, NULL, &res, err);
        if (rc == NT_OK)
            rc = nt_factors_dominant_topics(res->w, (int)res->m, (int)res->k, s->topic, err);
        for (size_t q = 0; rc == NT_OK && q < s->nsample; q++)
            s->sample_topic[q] = s->topic[s->sample[q]];
        if (rc == NT_OK)
            rc = nt_consensus_add(cons, s->sample_topic, (int)row->k, err);
        if (rc == NT_OK) {
            row->unconverged += !res->converged;
            if (!*best || res->objective < (*best)->objective) {
                nt_nmf_result_free(*best);
                *best = res;
                res = NULL;
            }
        }
        nt_nmf_result_free(res);
    }
    return rc;
}

/* NPMI over the top terms and diversity over the top 25 (or all) terms of best's topics. */
static int topic_scores(const survey *s, const nt_nmf_result *best, nt_rank_row *row,
                        nt_error *err)
{
    int k = (int)best->k, n = (int)best->n;
    int T = s->opts->top_terms < n ? s->opts->top_terms : n;
    int D = NT_DIVERSITY_TOP_TERMS < n ? NT_DIVERSITY_TOP_TERMS : n;
    int *top = malloc((size_t)k * (size_t)(T > D ? T : D) * sizeof *top);
    if (!top)
        return nt_error_set(err, NT_ENOMEM, "out of memory for top terms");
    int rc = nt_factors_top_terms(best->h, k, n, T, top, err);
    nt_coherence *coh = rc == NT_OK ? nt_coherence_compute(s->A, top, k, T, err) : NULL;
    if (rc == NT_OK && !coh)
        rc = err ? err->status : NT_ENOMEM;
    if (coh)
        row->npmi = coh->npmi_mean;
    nt_coherence_free(coh);
    if (rc == NT_OK)
        rc = nt_factors_top_terms(best->h, k, n, D, top, err);
    if (rc == NT_OK)
        rc = nt_diversity_compute(top, k, D, &row->diversity, err);
    free(top);
    return rc;
}

/* One fit per seed, all with the same hold-out so that the rows of the table compare the
 * same entries; the held-out error of the fit with the lowest objective counts, as the
 * restarts keep their best fit (a start that ends in a poor local minimum says nothing
 * about k). */
static int cross_validate(survey *s, nt_rank_row *row, nt_error *err)
{
    const nt_rank_options *o = s->opts;
    double best = INFINITY;
    int rc = NT_OK;
    for (int r = 0; rc == NT_OK && r < o->runs; r++) {
        nt_nmf_result *res = NULL;
        rc = fit_one(s, row->k, o->nmf.seed + (uint64_t)r, &s->holdout->list, &res, err);
        if (rc == NT_OK) {
            row->unconverged += !res->converged;
            if (res->objective < best) {
                best = res->objective;
                rc = nt_holdout_error(s->holdout, res, &row->cv_error, err);
            }
        }
        nt_nmf_result_free(res);
    }
    return rc;
}

/* The consensus figures, the scores of the best restart and the cross-validated error. */
static int survey_k(survey *s, nt_rank_row *row, nt_error *err)
{
    double start = omp_get_wtime();
    nt_nmf_result *best = NULL;
    nt_consensus *cons = nt_consensus_create((int)s->nsample, err);
    int rc = cons ? restarts(s, row, cons, &best, err) : (err ? err->status : NT_ENOMEM);
    row->cophenetic = row->dispersion = NAN;
    if (rc == NT_OK && s->opts->runs >= 2)
        rc = nt_consensus_cophenetic(cons, &row->cophenetic, err);
    if (rc == NT_OK && s->opts->runs >= 2)
        rc = nt_consensus_dispersion(cons, &row->dispersion, err);
    if (rc == NT_OK) {
        row->rel_error = best->rel_error;
        rc = topic_scores(s, best, row, err);
    }
    if (rc == NT_OK)
        rc = cross_validate(s, row, err);
    nt_consensus_free(cons);
    nt_nmf_result_free(best);
    row->seconds = omp_get_wtime() - start;
    return rc;
}

static nt_rank_table *table_new(const survey *s)
{
    nt_rank_table *t = calloc(1, sizeof *t);
    if (!t || !(t->rows = calloc(s->opts->nk, sizeof *t->rows))) {
        free(t);
        return NULL;
    }
    t->documents = s->A->nrow;
    t->terms = s->A->ncol;
    t->runs = s->opts->runs;
    t->holdout = s->opts->holdout;
    t->nk = s->opts->nk;
    for (size_t q = 0; q < t->nk; q++)
        t->rows[q].k = s->opts->ks[q];
    return t;
}

/* Draws the shared samples, announces them, and allocates the table. */
static int survey_begin(survey *s, nt_error *err)
{
    const nt_rank_options *o = s->opts;
    int zeros = o->nmf.missing == NT_NMF_MISSING_ZERO;
    int rc = nt_holdout_sample(s->A, o->holdout, zeros, o->nmf.seed, &s->holdout, err);
    if (rc == NT_OK)
        rc = sample_documents(s, err);
    if (rc != NT_OK)
        return rc;
    s->topic = malloc(s->A->nrow * sizeof *s->topic);
    s->sample_topic = malloc(s->nsample * sizeof *s->sample_topic);
    s->table = table_new(s);
    if (!s->topic || !s->sample_topic || !s->table)
        return nt_error_set(err, NT_ENOMEM, "out of memory for the rank survey");
    s->table->consensus_docs = s->nsample;
    s->table->heldout_nonzeros = s->holdout->nonzeros;
    s->table->heldout_zeros = s->holdout->list.count - s->holdout->nonzeros;
    nt_hooks_log(s->hooks, NT_LOG_INFO, "rank: %zu candidate k, %d run%s each; consensus over "
                 "%zu of %zu documents; %zu nonzeros and %zu zeros held out",
                 o->nk, o->runs, o->runs == 1 ? "" : "s", s->nsample, s->A->nrow,
                 s->table->heldout_nonzeros, s->table->heldout_zeros);
    return NT_OK;
}

int nt_rank_survey(const cholmod_sparse *A, const nt_rank_options *opts, const nt_hooks *hooks,
                   nt_rank_table **out, nt_error *err)
{
    *out = NULL;
    int rc = nt_rank_options_check(opts, A->nrow, A->ncol, err);
    if (rc != NT_OK)
        return rc;
    survey s = {A, opts, hooks, NULL, NULL, 0, NULL, NULL, 0, opts->nk * 2 * (size_t)opts->runs,
                NULL};
    rc = survey_begin(&s, err);
    int unconverged = 0;
    for (size_t q = 0; rc == NT_OK && q < opts->nk; q++) {
        rc = survey_k(&s, &s.table->rows[q], err);
        unconverged += s.table->rows[q].unconverged;
    }
    if (rc == NT_OK && unconverged > 0)
        nt_hooks_log(hooks, NT_LOG_WARNING, "rank: %d of %zu fits stopped at max-iter (%d) before "
                     "meeting the stopping rule (tol %g); the figures of those k are less firm",
                     unconverged, s.fits_total, opts->nmf.max_iter, opts->nmf.tol);
    nt_holdout_free(s.holdout);
    free(s.sample);
    free(s.topic);
    free(s.sample_topic);
    if (rc != NT_OK) {
        nt_rank_table_free(s.table);
        return rc;
    }
    *out = s.table;
    return NT_OK;
}

void nt_rank_table_free(nt_rank_table *table)
{
    if (!table)
        return;
    free(table->rows);
    free(table);
}
