/* methods.c: the tables from algorithm and init kinds to the code that implements them. */
#include "nmf_internal.h"

static const nt_nmf_method methods[] = {
    {NT_NMF_HALS, nt_nmf_hals_solve, NULL, NULL, NULL, NULL, NULL},
    {NT_NMF_MU, nt_nmf_mu_solve, NULL, NULL, NULL, NULL, NULL},
    {NT_NMF_KL, NULL, nt_nmf_kl_iterate, nt_nmf_kl_objective, NULL, NULL, NULL},
    {NT_NMF_ANLS_BPP, nt_nmf_anls_solve, NULL, NULL, nt_nmf_anls_setup, nt_nmf_anls_cleanup, NULL},
    {NT_NMF_SNMF_R, nt_nmf_anls_solve, NULL, NULL, nt_nmf_snmf_r_setup, nt_nmf_anls_cleanup, NULL},
    {NT_NMF_SNMF_L, nt_nmf_anls_solve, NULL, NULL, nt_nmf_snmf_l_setup, nt_nmf_anls_cleanup, NULL},
};

typedef struct init_entry {
    int init;
    nt_nmf_init_fn fn;
} init_entry;

static const init_entry inits[] = {
    {NT_NMF_INIT_RANDOM, nt_nmf_init_random},
    {NT_NMF_INIT_NNDSVD, nt_nmf_init_nndsvd},
    {NT_NMF_INIT_NNDSVDA, nt_nmf_init_nndsvda},
    {NT_NMF_INIT_NNDSVDAR, nt_nmf_init_nndsvdar},
    {NT_NMF_INIT_CUSTOM, nt_nmf_init_custom},
};

const nt_nmf_method *nt_nmf_method_find(int algorithm)
{
    for (size_t q = 0; q < sizeof methods / sizeof methods[0]; q++)
        if (methods[q].algorithm == algorithm)
            return &methods[q];
    return NULL;
}

nt_nmf_init_fn nt_nmf_init_find(int init)
{
    for (size_t q = 0; q < sizeof inits / sizeof inits[0]; q++)
        if (inits[q].init == init)
            return inits[q].fn;
    return NULL;
}
