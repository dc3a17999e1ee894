/* fresh.c: storage of one batch's new tokens and their stems. */
#include "dtm/fresh.h"

#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"

int nt_fresh_init(nt_fresh *f)
{
    memset(f, 0, sizeof *f);
    return nt_strtab_init(&f->tokens);
}

void nt_fresh_free(nt_fresh *f)
{
    nt_strtab_free(&f->tokens);
    free(f->stem);
    free(f->lexicon);
    free(f->stem_text);
    memset(f, 0, sizeof *f);
}

void nt_fresh_clear(nt_fresh *f)
{
    nt_strtab_clear(&f->tokens);
    f->stem_len = 0;
}

int nt_fresh_intern(nt_fresh *f, const char *token, size_t len, uint64_t hash, int *id)
{
    size_t need = f->tokens.n + 1, cap = f->cap;
    if (need > cap &&
        (nt_grow_array((void **)&f->stem, sizeof *f->stem, f->cap, need, &cap) ||
         nt_grow_array((void **)&f->lexicon, sizeof *f->lexicon, f->cap, need, &cap)))
        return NT_ENOMEM;
    f->cap = cap;
    int rc = nt_strtab_intern(&f->tokens, token, len, hash, id);
    if (rc == 1)
        f->stem[*id] = NT_FRESH_STOP;
    return rc < 0 ? NT_ENOMEM : rc;
}

int nt_fresh_set_stem(nt_fresh *f, int id, const char *stem, size_t len)
{
    size_t need = f->stem_len + len + 1;
    if (need > f->stem_cap &&
        nt_grow_array((void **)&f->stem_text, 1, f->stem_cap, need, &f->stem_cap))
        return NT_ENOMEM;
    memcpy(f->stem_text + f->stem_len, stem, len);
    f->stem_text[f->stem_len + len] = '\0';
    f->stem[id] = f->stem_len;
    f->stem_len = need;
    return 0;
}

const char *nt_fresh_stem(const nt_fresh *f, int id)
{
    return f->stem[id] == NT_FRESH_STOP ? NULL : f->stem_text + f->stem[id];
}
