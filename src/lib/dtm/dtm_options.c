/* dtm_options.c: defaults and validation of the text and TF-IDF options. */
#include <string.h>

#include "nmftopics/dtm.h"
#include "nmftopics/stem.h"
#include "nmftopics/stopwords.h"

void nt_text_options_init(nt_text_options *opts)
{
    memset(opts, 0, sizeof *opts);
    nt_tokenizer_options_init(&opts->tokenizer);
    opts->language = "english";
    opts->stem = 1;
    opts->bundled_stopwords = 1;
    opts->stopwords_file = NULL;
    nt_vocab_prune_options_init(&opts->prune);
    opts->prune.min_df = (nt_df_limit){2, 0};
    /* Topic-modelling defaults: words in more than half of the documents ("upon",
     * "must" in speeches) describe no topic (gensim's no_above is 0.5 too), and
     * two-letter tokens are mostly the tails of split contractions ("ve", "ll"). */
    opts->prune.max_df = (nt_df_limit){0.5, 1};
    opts->tokenizer.min_length = 3;
    opts->ngram_max = 1;
    opts->threads = 0;
}

static int listed(const char *const *names, const char *name)
{
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* A stemmer must exist for the language (libstemmer also takes ISO codes, so ask it), or
 * with stemming off and bundled stop words on, a bundled list. */
static int check_language(const nt_text_options *opts, nt_error *err)
{
    if (!opts->language)
        return nt_error_set(err, NT_EINVAL, "no language given");
    if (opts->stem) {
        nt_stemmer *probe;
        int rc = nt_stemmer_create(opts->language, &probe, err);
        nt_stemmer_free(rc == NT_OK ? probe : NULL);
        return rc;
    }
    if (opts->bundled_stopwords && !listed(nt_stopwords_bundled(), opts->language))
        return nt_error_set(err, NT_EINVAL,
                            "no bundled stop-word list for language '%s' (nmftopics tfidf "
                            "--list-languages lists them)", opts->language);
    return NT_OK;
}

int nt_text_options_check(const nt_text_options *opts, nt_error *err)
{
    int rc = nt_tokenizer_options_check(&opts->tokenizer, err);
    if (rc == NT_OK)
        rc = nt_vocab_prune_options_check(&opts->prune, err);
    if (rc == NT_OK && opts->ngram_max != 1 && opts->ngram_max != 2)
        rc = nt_error_set(err, NT_EINVAL, "ngram_max %d is not 1 or 2", opts->ngram_max);
    if (rc == NT_OK && opts->threads < 0)
        rc = nt_error_set(err, NT_EINVAL, "threads %d is negative", opts->threads);
    if (rc == NT_OK)
        rc = check_language(opts, err);
    return rc;
}

void nt_tfidf_options_init(nt_tfidf_options *opts)
{
    opts->sublinear_tf = 0;
    opts->use_idf = 1;
    opts->norm = NT_NORM_L2;
}

int nt_tfidf_options_check(const nt_tfidf_options *opts, nt_error *err)
{
    if (opts->norm != NT_NORM_L2 && opts->norm != NT_NORM_L1 && opts->norm != NT_NORM_NONE)
        return nt_error_set(err, NT_EINVAL, "norm %d is not l2, l1 or none", (int)opts->norm);
    return NT_OK;
}
