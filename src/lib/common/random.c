/* random.c: xoshiro256** (Blackman & Vigna 2018) seeded by splitmix64, and normal deviates. */
#include "common/random.h"

#include <math.h>

/* splitmix64 (Steele, Lea & Flood 2014) spreads one 64-bit seed over the four words of
 * state, so that even seeds 0, 1, 2 start from well-mixed, never all-zero states. */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void nt_rng_seed(nt_rng *rng, uint64_t seed)
{
    for (int q = 0; q < 4; q++)
        rng->s[q] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t next(nt_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double nt_rng_uniform(nt_rng *rng)
{
    /* The top 53 bits give every double of the form j / 2^53. */
    return (double)(next(rng) >> 11) * 0x1.0p-53;
}

double nt_rng_normal(nt_rng *rng)
{
    /* Marsaglia's polar method; the second deviate is dropped to keep the state simple. */
    double u, v, s;
    do {
        u = 2.0 * nt_rng_uniform(rng) - 1.0;
        v = 2.0 * nt_rng_uniform(rng) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    return u * sqrt(-2.0 * log(s) / s);
}
