/* random.c: the seeded generator of the rank survey's samples. */
#include "rank_internal.h"

uint64_t nt_rank_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double nt_rank_uniform(uint64_t *state)
{
    return (double)(nt_rank_random(state) >> 11) * 0x1.0p-53;
}
