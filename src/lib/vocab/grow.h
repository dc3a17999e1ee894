/* grow.h: growing a heap array by doubling (internal to vocab and dtm). */
#ifndef NT_VOCAB_GROW_H
#define NT_VOCAB_GROW_H

#include <stddef.h>

/* Makes *array (elements of size elem, capacity cap) hold at least need elements by
 * doubling from max(cap, 256), storing the capacity reached in *new_cap. Several arrays
 * sharing one capacity are grown by calls with the same cap and need; the caller stores
 * *new_cap once all have succeeded. Returns 0 or NT_ENOMEM (*array unchanged). */
int nt_grow_array(void **array, size_t elem, size_t cap, size_t need, size_t *new_cap);

#endif
