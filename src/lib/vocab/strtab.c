/* strtab.c: interning byte strings: open-addressing lookup and growth of the arena. */
#include "vocab/strtab.h"

#include <stdlib.h>

#include "nmftopics/error.h"
#include "vocab/table_alloc.h"

#define INITIAL_SLOTS 1024
#define INITIAL_BYTES 8192

int nt_strtab_init(nt_strtab *t)
{
    memset(t, 0, sizeof *t);
    t->slot_cap = INITIAL_SLOTS;
    t->id_cap = INITIAL_SLOTS / 2;
    t->bytes_cap = INITIAL_BYTES;
    t->slots = nt_table_calloc(t->slot_cap * sizeof *t->slots);
    t->offsets = malloc((t->id_cap + 1) * sizeof *t->offsets);
    t->bytes = malloc(t->bytes_cap);
    if (!t->slots || !t->offsets || !t->bytes) {
        nt_strtab_free(t);
        return NT_ENOMEM;
    }
    for (size_t i = 0; i < t->slot_cap; i++)
        t->slots[i].id = -1;
    t->offsets[0] = 0;
    return 0;
}

void nt_strtab_free(nt_strtab *t)
{
    if (!t)
        return;
    nt_table_free(t->slots, t->slot_cap * sizeof *t->slots);
    free(t->offsets);
    free(t->bytes);
    memset(t, 0, sizeof *t);
}

/* The slot holding the key, or the empty slot where it would go. */
static size_t probe(const nt_strtab *t, const char *s, size_t len, uint64_t hash)
{
    size_t mask = t->slot_cap - 1;
    uint32_t tag = (uint32_t)hash;
    for (size_t i = tag & mask;; i = (i + 1) & mask) {
        const nt_strtab_slot *slot = &t->slots[i];
        if (slot->id < 0)
            return i;
        if (slot->tag == tag && nt_strtab_len(t, slot->id) == len &&
            memcmp(nt_strtab_str(t, slot->id), s, len) == 0)
            return i;
    }
}

/* Doubles the slot array, re-placing slots from their tags in the order they lie. */
static int grow_slots(nt_strtab *t)
{
    if (t->slot_cap > UINT32_MAX / 2)  /* tags hold 32 bits of index */
        return NT_ENOMEM;
    size_t cap = t->slot_cap * 2, mask = cap - 1;
    nt_strtab_slot *slots = nt_table_calloc(cap * sizeof *slots);
    if (!slots)
        return NT_ENOMEM;
    for (size_t i = 0; i < cap; i++)
        slots[i].id = -1;
    for (size_t k = 0; k < t->slot_cap; k++) {
        nt_strtab_slot s = t->slots[k];
        if (s.id < 0)
            continue;
        size_t i = s.tag & mask;
        while (slots[i].id >= 0)
            i = (i + 1) & mask;
        slots[i] = s;
    }
    nt_table_free(t->slots, t->slot_cap * sizeof *t->slots);
    t->slots = slots;
    t->slot_cap = cap;
    return 0;
}

/* Makes room for one more id of len bytes. */
static int reserve(nt_strtab *t, size_t len)
{
    if (t->n == t->id_cap) {
        size_t *offsets = realloc(t->offsets, (2 * t->id_cap + 1) * sizeof *offsets);
        if (!offsets)
            return NT_ENOMEM;
        t->offsets = offsets;
        t->id_cap *= 2;
    }
    size_t need = t->offsets[t->n] + len + 1;
    if (need > t->bytes_cap) {
        size_t cap = t->bytes_cap;
        while (cap < need)
            cap *= 2;
        char *bytes = realloc(t->bytes, cap);
        if (!bytes)
            return NT_ENOMEM;
        t->bytes = bytes;
        t->bytes_cap = cap;
    }
    return 0;
}

int nt_strtab_intern(nt_strtab *t, const char *s, size_t len, uint64_t hash, int *id)
{
    size_t i = probe(t, s, len, hash);
    if (t->slots[i].id >= 0) {
        *id = t->slots[i].id;
        return 0;
    }
    if (t->n >= INT32_MAX)
        return NT_EINVAL;
    if (reserve(t, len) != 0)
        return NT_ENOMEM;
    size_t start = t->offsets[t->n];
    memcpy(t->bytes + start, s, len);
    t->bytes[start + len] = '\0';
    t->offsets[t->n + 1] = start + len + 1;
    t->slots[i].tag = (uint32_t)hash;
    t->slots[i].id = (int32_t)t->n;
    *id = (int)t->n++;
    if (2 * t->n > t->slot_cap && grow_slots(t) != 0) {
        t->n--;  /* keep the table consistent: undo the addition */
        t->slots[i].id = -1;
        return NT_ENOMEM;
    }
    return 1;
}
