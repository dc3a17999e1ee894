/* metrics.h: numbers for judging topics and choosing k: coherence, diversity, agreement
 * with labels, and consensus over restarts (cophenetic correlation, dispersion). */
#ifndef NMFTOPICS_METRICS_H
#define NMFTOPICS_METRICS_H

#include <cholmod.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Summaries of the factors, shared by the report and the metrics ------------------ */

/* Writes the T best terms of each topic of H (k x n, factor-major: H[t*n + j]) to
 * top[t*T + r], best first: larger weight first, equal weights in increasing term order,
 * so the result is deterministic. Needs 1 <= T <= n. NT_ENUMERIC if H holds a NaN. */
int nt_factors_top_terms(const double *H, int k, int n, int T, int *top, nt_error *err);

/* Writes the dominant topic of each document of W (m x k, factor-major: W[t*m + i]) to
 * topic[i]: the topic of largest weight, the lowest topic index on ties (so a document
 * with all-zero weights gets topic 0). NT_ENUMERIC if W holds a NaN. */
int nt_factors_dominant_topics(const double *W, int m, int k, int *topic, nt_error *err);

/* ---- Coherence of each topic's top terms over document co-occurrence ---------------- */

/* Per-topic coherence; see src/lib/metrics/coherence.c for the exact definitions. */
typedef struct nt_coherence {
    int k;              /* number of topics */
    int T;              /* top terms per topic that were scored */
    double *npmi;       /* mean NPMI over the T(T-1)/2 term pairs, in [-1, 1]; size k */
    double *umass;      /* UMass (Mimno et al. 2011) sum over term pairs, <= 0 mostly; size k */
    double npmi_mean;   /* mean of npmi over topics */
    double umass_mean;  /* mean of umass over topics */
} nt_coherence;

/* Scores the topics whose top terms are top[t*T + r] (k x T term indices, best first,
 * distinct within a topic, 2 <= T) against the documents of A (documents x terms,
 * CHOLMOD int/real, packed, sorted): a document contains a term when its entry is
 * nonzero. Returns a new record, or NULL with err filled. */
nt_coherence *nt_coherence_compute(const cholmod_sparse *A, const int *top, int k, int T,
                                   nt_error *err);

/* Frees a record from nt_coherence_compute; accepts NULL. */
void nt_coherence_free(nt_coherence *coherence);

/* ---- Topic diversity ------------------------------------------------------------------ */

/* The number of top terms per topic topic diversity is defined on (Dieng et al. 2020). */
#define NT_DIVERSITY_TOP_TERMS 25

/* Stores in *diversity the share of distinct terms among all k*T entries of top (k x T
 * term indices), in (0, 1]; 1 means no two topics share a top term. Callers wanting the
 * published measure pass T = NT_DIVERSITY_TOP_TERMS (or n when there are fewer terms). */
int nt_diversity_compute(const int *top, int k, int T, double *diversity, nt_error *err);

/* ---- Agreement of the dominant topics with known labels ----------------------------- */

/* See src/lib/metrics/agreement.c for the exact definitions. */
typedef struct nt_agreement {
    int documents;   /* labelled documents counted (label != -1) */
    int topics;      /* distinct topics among them */
    int classes;     /* distinct labels among them */
    double purity;   /* R NMF purity(): share of documents in their topic's majority class */
    double entropy;  /* R NMF entropy(): class entropy within topics / log2(classes), in [0,1] */
    double nmi;      /* mutual information / mean of the two entropies, in [0, 1] */
} nt_agreement;

/* Compares topic[i] (in [0, k) for some k) with label[i] (>= 0, or -1 for an unlabelled
 * document, which is skipped) over m documents. NT_EEMPTY if no document is labelled. */
int nt_agreement_compute(const int *topic, const int *label, int m, nt_agreement *out,
                         nt_error *err);

/* ---- Consensus over restarts ---------------------------------------------------------- */

/* The largest document count the cophenetic correlation accepts: it needs m(m-1)/2
 * doubles of working memory (1.6 GB at 20000 documents). */
#define NT_CONSENSUS_MAX_DOCUMENTS 20000

/* The dominant topics of each run so far; the consensus matrix C (C[i][j] = share of runs
 * putting documents i and j in the same topic) is derived from it on demand, so the
 * record itself stays O(runs * m). */
typedef struct nt_consensus {
    int m;          /* documents */
    int runs;       /* runs added */
    int capacity;   /* runs the tables have room for */
    int *topics;    /* dominant topic of document i in run r at topics[r*m + i]; size capacity*m */
    int *k;         /* topic count of run r; size capacity */
} nt_consensus;

/* A record for m >= 1 documents with no runs; NULL with err filled on failure. */
nt_consensus *nt_consensus_create(int m, nt_error *err);

/* Frees a record; accepts NULL. */
void nt_consensus_free(nt_consensus *consensus);

/* Adds one run: topic[i] in [0, k) is the dominant topic of document i (size m). */
int nt_consensus_add(nt_consensus *consensus, const int *topic, int k, nt_error *err);

/* C[i][j]: the share of runs in which documents i and j share their dominant topic
 * (1 when i == j). Needs at least one run and 0 <= i, j < m. */
double nt_consensus_value(const nt_consensus *consensus, int i, int j);

/* Dispersion (Kim & Park 2007): (1/m^2) sum over all i, j of 4 (C[i][j] - 1/2)^2, in
 * [0, 1]; 1 for a consensus of zeros and ones. Takes O(runs^2 * m) time, no O(m^2) memory.
 * NT_EEMPTY without runs. */
int nt_consensus_dispersion(const nt_consensus *consensus, double *dispersion, nt_error *err);

/* Cophenetic correlation (Brunet et al. 2004) of the consensus: the Pearson correlation,
 * over pairs i < j, between the distances 1 - C[i][j] and the cophenetic distances of
 * their average-linkage (UPGMA) tree. NT_EEMPTY without runs, NT_EINVAL above
 * NT_CONSENSUS_MAX_DOCUMENTS documents, NT_EINVAL for m < 2. */
int nt_consensus_cophenetic(const nt_consensus *consensus, double *correlation,
                            nt_error *err);

/* The same correlation for any distances: dist holds d(i, j) for i > j at
 * dist[i*(i-1)/2 + j] (the strict lower triangle, row by row; m(m-1)/2 values, finite,
 * >= 0). dist is used as workspace and overwritten. When all distances are equal the
 * tree reproduces them exactly and the correlation is defined as 1. */
int nt_cophenetic_correlation(double *dist, int m, double *correlation, nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
