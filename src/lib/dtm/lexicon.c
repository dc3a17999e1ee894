/* lexicon.c: storage of the corpus-wide token table. */
#include "dtm/lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "nmftopics/error.h"
#include "vocab/grow.h"

int nt_lexicon_init(nt_lexicon *lex)
{
    memset(lex, 0, sizeof *lex);
    return nt_strtab_init(&lex->tokens);
}

void nt_lexicon_free(nt_lexicon *lex)
{
    nt_strtab_free(&lex->tokens);
    free(lex->term);
    free(lex->count);
    memset(lex, 0, sizeof *lex);
}

int nt_lexicon_intern(nt_lexicon *lex, const char *token, size_t len, uint64_t hash, int *id)
{
    size_t need = lex->tokens.n + 1, cap = lex->cap;
    if (need > cap &&
        (nt_grow_array((void **)&lex->term, sizeof *lex->term, lex->cap, need, &cap) ||
         nt_grow_array((void **)&lex->count, sizeof *lex->count, lex->cap, need, &cap)))
        return NT_ENOMEM;
    lex->cap = cap;
    int rc = nt_strtab_intern(&lex->tokens, token, len, hash, id);
    if (rc == 1) {
        lex->term[*id] = NT_LEXICON_STOP;
        lex->count[*id] = 0;
    }
    return rc < 0 ? NT_ENOMEM : rc;
}
