/* surfaces.h: offering the tokens the workers counted to the vocabulary builder as the
 * surface forms of their terms. */
#ifndef NT_DTM_SURFACES_H
#define NT_DTM_SURFACES_H

#include "dtm/worker.h"
#include "nmftopics/vocab.h"

/* Offers every counted token whose term is in at least min_docs documents (b's document
 * frequencies are complete) to b, once, with its count summed over the tables. Other terms
 * fall to the lower df bound whatever their surface, and a bigram is never in more
 * documents than either of its unigrams, so every term kept gets its surfaces. Returns
 * NT_OK or NT_ENOMEM. */
int nt_surfaces_offer(const nt_worker *workers, int n_workers, double min_docs,
                      nt_vocab_builder *b);

#endif
