/* table_alloc.h: zeroed memory for large hash tables (internal to vocab and dtm). */
#ifndef NT_VOCAB_TABLE_ALLOC_H
#define NT_VOCAB_TABLE_ALLOC_H

#include <stddef.h>

/* Returns bytes of zeroed memory, released with nt_table_free(p, bytes), or NULL. Tables of
 * 64 KiB or more are mapped directly and faulted in writable at once, those of 2 MiB or
 * more on transparent huge pages where the system offers them: a lookup is a random
 * access, and over thousands of 4 KiB pages nearly every one would also miss the TLB;
 * fresh mappings are zero already, so nothing is cleared twice. */
void *nt_table_calloc(size_t bytes);

/* Releases memory from nt_table_calloc(bytes); p may be NULL. */
void nt_table_free(void *p, size_t bytes);

#endif
