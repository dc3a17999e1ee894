/* builder_hashed.h: adding stems hashed beforehand to a vocabulary builder (internal to
 * vocab and dtm), for callers that share the builder under a lock and hash before taking
 * it. */
#ifndef NT_VOCAB_BUILDER_HASHED_H
#define NT_VOCAB_BUILDER_HASHED_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/vocab.h"

/* nt_vocab_builder_add_stem for a stem whose nt_strtab_hash (vocab/strtab.h) is hash. */
int nt_vocab_builder_add_stem_hashed(nt_vocab_builder *b, const char *stem, size_t len,
                                     uint64_t hash);

/* Asks for the table slot where a key with this hash is looked up first: a hint that lets
 * a run of additions overlap their cache misses. */
void nt_vocab_builder_prefetch(const nt_vocab_builder *b, uint64_t hash);

#endif
