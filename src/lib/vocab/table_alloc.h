/* table_alloc.h: zeroed memory for large hash tables (internal to vocab and dtm). */
#ifndef NT_VOCAB_TABLE_ALLOC_H
#define NT_VOCAB_TABLE_ALLOC_H

#include <stddef.h>

/* Returns bytes of zeroed memory, freed with free(), or NULL. Tables of 2 MiB or more are
 * placed on transparent huge pages where the system offers them: a lookup is a random
 * access, and over millions of 4 KiB pages nearly every one would also miss the TLB. */
void *nt_table_calloc(size_t bytes);

#endif
