/* surfaces.h: offering the tokens the workers counted to the vocabulary builder as the
 * surface forms of their terms. */
#ifndef NT_DTM_SURFACES_H
#define NT_DTM_SURFACES_H

#include "dtm/worker.h"
#include "nmftopics/vocab.h"

/* Offers every counted token with a term in the workers' tables to b, once, with its
 * count summed over the tables. Returns NT_OK or NT_ENOMEM. */
int nt_surfaces_offer(const nt_worker *workers, int n_workers, nt_vocab_builder *b);

#endif
