/* rank_internal.h: what the files of src/lib/rank share: a small seeded generator. */
#ifndef NT_RANK_INTERNAL_H
#define NT_RANK_INTERNAL_H

#include <stdint.h>

/* splitmix64 (Steele, Lea & Flood 2014): a 64-bit state stepped by a constant and mixed;
 * enough for drawing samples reproducibly from a seed. */
uint64_t nt_rank_random(uint64_t *state);

/* Uniform in [0, 1), 53 bits. */
double nt_rank_uniform(uint64_t *state);

#endif
