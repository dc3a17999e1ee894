/* nndsvd.c: NNDSVD initialisation and its nndsvda and nndsvdar variants.
 *
 * Boutsidis & Gallopoulos, "SVD based initialization: A head start for nonnegative matrix
 * factorization", Pattern Recognition 41(4), 2008, exactly as scikit-learn 1.2 defines it
 * (sklearn.decomposition._nmf._initialize_nmf). From the leading k singular triplets
 * (s_j, u_j, v_j) of A (rsvd.c):
 *   topic 0:  w_0 = sqrt(s_0) |u_0|,  h_0 = sqrt(s_0) |v_0|  (a non-negative A has a
 *             one-signed leading pair, Perron-Frobenius);
 *   topic j:  u+, v+ = positive parts, u-, v- = magnitudes of the negative parts;
 *             m+ = ||u+|| ||v+||, m- = ||u-|| ||v-||; if m+ > m- take (u+, v+, m+), else
 *             (u-, v-, m-); w_j = sqrt(s_j m) u / ||u||, h_j = sqrt(s_j m) v / ||v||;
 *   then every entry below NNDSVD_EPS = 1e-6 (scikit-learn's eps) becomes 0.
 * nndsvd keeps those zeros; nndsvda sets them to mean(A); nndsvdar sets them to
 * |mean(A) N(0,1) / 100| drawn from the run's seed, W's zeros (document by document)
 * before H's (topic by topic), scikit-learn's order (its numbers differ: another generator).
 * Sign convention: (u_j, v_j) and (-u_j, -v_j) give the same factors, because the sign flip
 * swaps m+ and m-; only an exact tie m+ = m- depends on the sign, and then, as in
 * scikit-learn, the negative parts are taken. A pair with m+ = m- = 0 (u_j one-signed and
 * v_j of the other sign, possible only beside all-zero rows or columns of A, or the zero
 * vectors rsvd.c returns for a direction beneath its rounding) leaves topic j all zero,
 * where scikit-learn would divide by zero. */
#include <math.h>
#include <stdlib.h>

#include "common/random.h"
#include "rsvd.h"

#define NNDSVD_EPS 1e-6

/* The norms of the positive part and of the negative part of x, in one pass; each sum adds
 * its entries in order. Without branches: the signs of a singular vector's entries are as
 * good as random. */
static void part_norms(const double *x, size_t len, double *positive, double *negative)
{
    double sp = 0.0, sn = 0.0;
    for (size_t q = 0; q < len; q++) {
        double p = fmax(x[q], 0.0), n = fmax(-x[q], 0.0);
        sp += p * p;
        sn += n * n;
    }
    *positive = sqrt(sp);
    *negative = sqrt(sn);
}

/* What topic t keeps of its triplet: the entries of u_t and v_t of one sign (0: every
 * entry, topic 0), as magnitudes times a scale per side. */
typedef struct nndsvd_part {
    double sign;
    double scale[2]; /* for u_t (W), for v_t (H) */
} nndsvd_part;

static nndsvd_part choose_part(size_t t, double s, const double *u, size_t m, const double *v,
                               size_t n)
{
    if (t == 0) {
        nndsvd_part whole = {0.0, {sqrt(s), sqrt(s)}};
        return whole;
    }
    double up, un, vp, vn;
    part_norms(u, m, &up, &un);
    part_norms(v, n, &vp, &vn);
    double sign = up * vp > un * vn ? 1.0 : -1.0;
    double nu = sign > 0 ? up : un, nv = sign > 0 ? vp : vn, lbd = sqrt(s * nu * nv);
    nndsvd_part kept = {sign, {nu > 0 ? lbd / nu : 0.0, nv > 0 ? lbd / nv : 0.0}};
    return kept;
}

/* Writes the kept parts of the column-major rows x k vectors x into out (rows x k,
 * row-major): side 0 is W's, 1 H's. Entries below NNDSVD_EPS become 0. Rows go in tiles of
 * PUT_TILE, so that each vector is read in runs and each tile of out written while in cache
 * (row by row, the k reads per row hit k far-apart places of x). */
#define PUT_TILE 64
static void put_parts(const double *x, size_t rows, size_t k, const nndsvd_part *parts,
                      int side, int threads, double *out)
{
    long tiles = (long)((rows + PUT_TILE - 1) / PUT_TILE);
#pragma omp parallel for schedule(static) num_threads(threads) if (rows * k >= NT_NMF_PARALLEL_MIN)
    for (long tile = 0; tile < tiles; tile++) {
        size_t r0 = (size_t)tile * PUT_TILE, r1 = r0 + PUT_TILE < rows ? r0 + PUT_TILE : rows;
        for (size_t t = 0; t < k; t++) {
            double sign = parts[t].sign, scale = parts[t].scale[side];
            for (size_t r = r0; r < r1; r++) {
                double xv = x[t * rows + r];
                double e = scale * (sign == 0.0 ? fabs(xv) : fmax(sign * xv, 0.0));
                out[r * k + t] = e < NNDSVD_EPS ? 0.0 : e;
            }
        }
    }
}

/* Plain NNDSVD into st->w and st->ht from the seeded truncated SVD. */
static int nndsvd_fill(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    size_t m = st->m, n = st->n, k = st->k;
    double *u = malloc(m * k * sizeof *u), *v = malloc(n * k * sizeof *v);
    double *s = malloc(k * sizeof *s);
    nndsvd_part *parts = malloc(k * sizeof *parts);
    int rc = u && v && s && parts ? NT_OK
                                  : nt_error_set(err, NT_ENOMEM, "out of memory for NNDSVD "
                                                 "(k = %zu)", k);
    if (rc == NT_OK)
        rc = nt_nmf_rsvd(st, k, seed, u, s, v, err);
    if (rc == NT_OK) {
        int big = (m + n) * k >= NT_NMF_PARALLEL_MIN;
#pragma omp parallel for schedule(static, 1) num_threads(st->threads) if (big)
        for (long t = 0; t < (long)k; t++)
            parts[t] = choose_part((size_t)t, s[t], u + (size_t)t * m, m, v + (size_t)t * n, n);
        put_parts(u, m, k, parts, 0, st->threads, st->w);
        put_parts(v, n, k, parts, 1, st->threads, st->ht);
    }
    free(u);
    free(v);
    free(s);
    free(parts);
    return rc;
}

int nt_nmf_init_nndsvd(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    return nndsvd_fill(st, seed, err);
}

int nt_nmf_init_nndsvda(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    int rc = nndsvd_fill(st, seed, err);
    double mean = st->a_sum / ((double)st->m * (double)st->n);
    for (size_t q = 0; rc == NT_OK && q < st->m * st->k; q++)
        st->w[q] = st->w[q] == 0.0 ? mean : st->w[q];
    for (size_t q = 0; rc == NT_OK && q < st->n * st->k; q++)
        st->ht[q] = st->ht[q] == 0.0 ? mean : st->ht[q];
    return rc;
}

int nt_nmf_init_nndsvdar(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    int rc = nndsvd_fill(st, seed, err);
    if (rc != NT_OK)
        return rc;
    double scale = st->a_sum / ((double)st->m * (double)st->n) / 100.0;
    nt_rng rng;
    nt_rng_seed(&rng, seed);
    for (size_t q = 0; q < st->m * st->k; q++)
        if (st->w[q] == 0.0)
            st->w[q] = fabs(scale * nt_rng_normal(&rng));
    for (size_t t = 0; t < st->k; t++)
        for (size_t j = 0; j < st->n; j++)
            if (st->ht[j * st->k + t] == 0.0)
                st->ht[j * st->k + t] = fabs(scale * nt_rng_normal(&rng));
    return NT_OK;
}
