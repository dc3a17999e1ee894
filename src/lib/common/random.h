/* random.h: the library's one seeded generator, xoshiro256** seeded through splitmix64. */
#ifndef NT_COMMON_RANDOM_H
#define NT_COMMON_RANDOM_H

#include <stdint.h>

/* The generator's state; the same seed always gives the same sequence, on every machine. */
typedef struct nt_rng {
    uint64_t s[4]; /* xoshiro256** state, never all zero */
} nt_rng;

/* Sets the state from seed (any value, 0 included). Streams from different seeds are
 * unrelated for practical purposes, so callers derive a seed per use. */
void nt_rng_seed(nt_rng *rng, uint64_t seed);

/* Uniform in [0, 1): a multiple of 2^-53. */
double nt_rng_uniform(nt_rng *rng);

/* Standard normal deviate. */
double nt_rng_normal(nt_rng *rng);

#endif
