/* rsvd.h: the leading singular triplets of A from a randomised range finder. */
#ifndef NT_RSVD_H
#define NT_RSVD_H

#include "nmf_internal.h"

/* The leading `rank` singular triplets of the state's A, 1 <= rank <= min(m, n):
 * A ~ U diag(s) V^T with u (m x rank, column-major: vector j at u + j*m), s (size rank,
 * descending) and v (n x rank, column-major); a triplet whose singular value is below about
 * 1e-7 sigma_1, beneath the method's rounding, comes back as 0 with zero vectors. Only
 * products with A and A^T are used, so a sparse A is never densified; the Gaussian test
 * matrix comes from seed, so the result is reproducible. Returns NT_OK, NT_EINVAL (rank
 * out of range), NT_ENOMEM, or NT_ENUMERIC when LAPACK fails; err names the cause. Call
 * outside OpenMP parallel regions. */
int nt_nmf_rsvd(const nt_nmf_state *st, size_t rank, uint64_t seed, double *u, double *s,
                double *v, nt_error *err);

#endif
