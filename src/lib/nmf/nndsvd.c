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
 * v_j of the other sign, possible only beside all-zero rows or columns of A) leaves topic j
 * all zero, where scikit-learn would divide by zero. */
#include <math.h>
#include <stdlib.h>

#include "common/random.h"
#include "rsvd.h"

#define NNDSVD_EPS 1e-6

/* ||positive part|| (sign = 1) or ||negative part|| (sign = -1) of x. */
static double part_norm(const double *x, size_t len, double sign)
{
    double s = 0.0;
    for (size_t q = 0; q < len; q++)
        s += sign * x[q] > 0.0 ? x[q] * x[q] : 0.0;
    return sqrt(s);
}

/* Writes scale * |x_q| where x_q has the given sign (0: every entry) to out[q * stride + t],
 * 0 elsewhere and below NNDSVD_EPS. */
static void put_part(const double *x, size_t len, double sign, double scale, double *out,
                     size_t stride, size_t t)
{
    for (size_t q = 0; q < len; q++) {
        double v = sign == 0.0 || sign * x[q] > 0.0 ? scale * fabs(x[q]) : 0.0;
        out[q * stride + t] = v < NNDSVD_EPS ? 0.0 : v;
    }
}

/* Topic t of W (column) and H^T (column) from the triplet (s, u, v). */
static void nndsvd_topic(nt_nmf_state *st, size_t t, double s, const double *u, const double *v)
{
    size_t m = st->m, n = st->n, k = st->k;
    if (t == 0) {
        put_part(u, m, 0.0, sqrt(s), st->w, k, 0);
        put_part(v, n, 0.0, sqrt(s), st->ht, k, 0);
        return;
    }
    double up = part_norm(u, m, 1.0), vp = part_norm(v, n, 1.0);
    double un = part_norm(u, m, -1.0), vn = part_norm(v, n, -1.0);
    double sign = up * vp > un * vn ? 1.0 : -1.0;
    double nu = sign > 0 ? up : un, nv = sign > 0 ? vp : vn, lbd = sqrt(s * nu * nv);
    put_part(u, m, sign, nu > 0 ? lbd / nu : 0.0, st->w, k, t);
    put_part(v, n, sign, nv > 0 ? lbd / nv : 0.0, st->ht, k, t);
}

/* Plain NNDSVD into st->w and st->ht from the seeded truncated SVD. */
static int nndsvd_fill(nt_nmf_state *st, uint64_t seed, nt_error *err)
{
    size_t m = st->m, n = st->n, k = st->k;
    double *u = malloc(m * k * sizeof *u), *v = malloc(n * k * sizeof *v);
    double *s = malloc(k * sizeof *s);
    int rc = u && v && s ? NT_OK
                         : nt_error_set(err, NT_ENOMEM, "out of memory for NNDSVD (k = %zu)", k);
    if (rc == NT_OK)
        rc = nt_nmf_rsvd(st, k, seed, u, s, v, err);
    for (size_t t = 0; rc == NT_OK && t < k; t++)
        nndsvd_topic(st, t, s[t], u + t * m, v + t * n);
    free(u);
    free(v);
    free(s);
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
