/* vocab_internal.h: helpers shared by the files of the vocab module. */
#ifndef NT_VOCAB_INTERNAL_H
#define NT_VOCAB_INTERNAL_H

#include <stddef.h>

#include "nmftopics/vocab.h"

/* A vocabulary of n_terms zeroed terms (NULL strings), or NULL when out of memory. */
nt_vocab *nt_vocab_alloc(size_t n_terms);

#endif
