/* options.c: the rank survey's defaults and their validation. */
#include "nmftopics/rank.h"

#include <stdint.h>
#include <string.h>

#include "nmftopics/metrics.h"

void nt_rank_options_init(nt_rank_options *opts)
{
    memset(opts, 0, sizeof *opts);
    nt_nmf_options_init(&opts->nmf);
    opts->nmf.init = NT_NMF_INIT_RANDOM; /* restarts for the consensus; see check_options */
    opts->runs = 5;
    opts->holdout = 0.05;
    opts->top_terms = 10;
    opts->consensus_docs = 5000;
}

/* Candidates: increasing (so distinct), each a valid rank for m x n. */
static int check_ks(const nt_rank_options *o, size_t m, size_t n, nt_error *err)
{
    size_t kmax = m < n ? m : n;
    if (o->nk < 1 || !o->ks)
        return nt_error_set(err, NT_EINVAL, "no candidate rank k to survey");
    for (size_t q = 0; q < o->nk; q++) {
        if (o->ks[q] < 1 || o->ks[q] > kmax)
            return nt_error_set(err, NT_EINVAL, "k = %zu is out of range: it must be from 1 to "
                                                "min(documents, terms) = %zu for a %zu x %zu "
                                                "matrix", o->ks[q], kmax, m, n);
        if (q > 0 && o->ks[q] <= o->ks[q - 1])
            return nt_error_set(err, NT_EINVAL, "candidate ranks must increase: %zu follows %zu",
                                o->ks[q], o->ks[q - 1]);
    }
    return NT_OK;
}

/* The options of the fits: the cross-validation fits hold entries out, so what they allow
 * is checked with a one-entry list; k is the first candidate, or 1 before any size is
 * known (m = SIZE_MAX). */
static int check_fits(const nt_rank_options *o, size_t m, size_t n, nt_error *err)
{
    size_t origin = 0;
    nt_nmf_entry_list probe = {1, &origin, &origin};
    nt_nmf_options fit = o->nmf;
    fit.k = m == SIZE_MAX || !o->ks ? 1 : o->ks[0];
    fit.runs = 1;
    fit.holdout = &probe;
    return m == SIZE_MAX ? nt_nmf_options_check_settings(&fit, err)
                         : nt_nmf_options_check(&fit, m, n, err);
}

/* Everything but the candidate ranks; m = SIZE_MAX when the sizes are not known yet. */
static int check_options(const nt_rank_options *o, size_t m, size_t n, nt_error *err)
{
    if (o->runs < 1)
        return nt_error_set(err, NT_EINVAL, "runs = %d: at least 1 fit per k is needed "
                                            "(2 or more for a consensus)", o->runs);
    if (!(o->holdout > 0.0 && o->holdout <= 0.5))
        return nt_error_set(err, NT_EINVAL, "hold-out share %g is out of range: it must be "
                                            "above 0 and at most 0.5", o->holdout);
    if (o->top_terms < 2)
        return nt_error_set(err, NT_EINVAL, "top-terms = %d: NPMI needs at least 2 terms",
                            o->top_terms);
    if (o->consensus_docs < 2 || o->consensus_docs > NT_CONSENSUS_MAX_DOCUMENTS)
        return nt_error_set(err, NT_EINVAL, "consensus-docs = %zu is out of range: from 2 to "
                                            "%d", o->consensus_docs, NT_CONSENSUS_MAX_DOCUMENTS);
    /* Starting factors of one size cannot serve several k, and an SVD start would see the
     * held-out entries. */
    if (o->nmf.init != NT_NMF_INIT_RANDOM)
        return nt_error_set(err, NT_EINVAL, "init %s: the survey's fits start at random "
                                            "(init random)", nt_nmf_init_name(o->nmf.init));
    return check_fits(o, m, n, err);
}

int nt_rank_options_check_settings(const nt_rank_options *o, nt_error *err)
{
    return check_options(o, SIZE_MAX, SIZE_MAX, err);
}

int nt_rank_options_check(const nt_rank_options *o, size_t m, size_t n, nt_error *err)
{
    int rc = check_ks(o, m, n, err);
    if (rc != NT_OK)
        return rc;
    if (n < 2)
        return nt_error_set(err, NT_EINVAL, "the matrix has %zu term%s; coherence needs at "
                                            "least 2", n, n == 1 ? "" : "s");
    return check_options(o, m, n, err);
}
