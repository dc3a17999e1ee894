/* nt_test_random.c: the two seeded generators the test fixtures are made with. */
#include <math.h>

#include "nt_test.h"

double nt_test_lcg(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) / 9007199254740992.0;
}

/* One splitmix64 step: the state advances by the golden-ratio increment, then is mixed. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

double nt_test_uniform(uint64_t *state)
{
    return (double)(splitmix64(state) >> 11) * 0x1.0p-53;
}

double nt_test_normal(uint64_t *state)
{
    double u = 1.0 - nt_test_uniform(state), v = nt_test_uniform(state);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}
