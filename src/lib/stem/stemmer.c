/* stemmer.c: Snowball stemmers through libstemmer, working on UTF-8. */
#include "nmftopics/stem.h"

#include <limits.h>
#include <stdlib.h>

#include <libstemmer.h>

struct nt_stemmer {
    struct sb_stemmer *sb;
};

const char *const *nt_stem_languages(void)
{
    return (const char *const *)sb_stemmer_list();
}

/* sb_stemmer_new returns NULL both for an unknown name and when memory runs out; failing
 * to create a stemmer that always exists tells the two apart. */
static int out_of_memory(void)
{
    struct sb_stemmer *probe = sb_stemmer_new("english", "UTF_8");
    int missing = probe == NULL;
    sb_stemmer_delete(probe);
    return missing;
}

int nt_stemmer_create(const char *language, nt_stemmer **out, nt_error *err)
{
    *out = NULL;
    nt_stemmer *s = malloc(sizeof *s);
    if (!s)
        return nt_error_set(err, NT_ENOMEM, "out of memory creating a stemmer");
    s->sb = sb_stemmer_new(language, "UTF_8");
    if (s->sb) {
        *out = s;
        return NT_OK;
    }
    free(s);
    if (out_of_memory())
        return nt_error_set(err, NT_ENOMEM, "out of memory creating a stemmer for '%s'",
                            language);
    return nt_error_set(err, NT_EINVAL,
                        "unknown language '%s' (nmftopics tfidf --list-languages lists them)",
                        language);
}

const char *nt_stemmer_stem(nt_stemmer *stemmer, const char *word, size_t len,
                            size_t *stem_len)
{
    /* Tokens are at most a few hundred bytes; clamping keeps the int conversion defined. */
    int size = len > INT_MAX ? INT_MAX : (int)len;
    const sb_symbol *stem = sb_stemmer_stem(stemmer->sb, (const sb_symbol *)word, size);
    if (!stem)
        return NULL;
    *stem_len = (size_t)sb_stemmer_length(stemmer->sb);
    return (const char *)stem;
}

void nt_stemmer_free(nt_stemmer *stemmer)
{
    if (stemmer) {
        sb_stemmer_delete(stemmer->sb);
        free(stemmer);
    }
}
