/* cli_text_options.c: parsing the text and TF-IDF options into the library's structs. */
#include "cli_text_options.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_main.h"
#include "nmftopics/stopwords.h"

static const cli_option text_options[] = {
    {"language", 0, "LANG", "Snowball language of the stemmer and of the bundled stop words; "
                            "'nmftopics tfidf --list-languages' lists them (default: english)"},
    {"no-stem", 0, NULL, "keep tokens as they are (default: Snowball stemming)"},
    {"stopwords", 0, "FILE", "also remove the words of FILE, one per line, '|' comments "
                             "(default: none)"},
    {"no-stopwords", 0, NULL, "keep the bundled stop words of the language (default: removed)"},
    {"token-pattern", 0, "P", "tokens are runs of letters, alnum (letters and digits) or word "
                              "(letters, digits, '_': scikit-learn's rule) (default: letters)"},
    {"min-token-len", 0, "N", "drop tokens of fewer than N characters (default: 3)"},
    {"max-token-len", 0, "N", "drop tokens of more than N characters, 0 = no limit "
                              "(default: 40)"},
    {"min-df", 0, "N|F", "keep terms in at least N documents, or a fraction F such as 0.01 of "
                         "them (default: 2)"},
    {"max-df", 0, "N|F", "keep terms in at most N documents, or a fraction F of them; 1.0 = "
                         "all (default: 0.5)"},
    {"max-terms", 0, "N", "then keep the N terms most frequent in the corpus, 0 = all "
                          "(default: 0)"},
    {"ngrams", 0, "1-1|1-2", "single terms, or also bigrams of adjacent kept tokens "
                             "(default: 1-1)"},
};

static const cli_option tfidf_options[] = {
    {"sublinear-tf", 0, NULL, "weight a count c as 1 + ln(c) (default: c)"},
    {"no-idf", 0, NULL, "no idf weighting (default: idf = ln((1 + n) / (1 + df)) + 1)"},
    {"norm", 0, "NORM", "scale each document to unit l2 or l1 norm, or none (default: l2)"},
};

void cli_text_options_init(cli_text_options *o)
{
    nt_text_options_init(&o->text);
    nt_tfidf_options_init(&o->tfidf);
    o->stopwords_path = NULL;
    o->stopwords = NULL;
}

static int parse_size(const char *name, const char *value, long min, long max, size_t *out,
                      nt_error *err)
{
    long v;
    int rc = cli_parse_long(name, value, min, max, &v, err);
    if (rc == 0)
        *out = (size_t)v;
    return rc;
}

/* A document-frequency bound; the library's message gets the option name in front. */
static int parse_df(const char *name, const char *value, nt_df_limit *out, nt_error *err)
{
    int rc = nt_df_limit_parse(value, out, err);
    if (rc != NT_OK && err) {
        char message[NT_ERROR_MESSAGE_MAX];
        memcpy(message, err->message, sizeof message);
        nt_error_set(err, rc, "--%s: %.900s", name, message);
    }
    return rc;
}

/* The options that take a number: token lengths and vocabulary bounds. */
static int handle_number(nt_text_options *t, const char *name, const char *value, nt_error *err)
{
    size_t n;
    if (strcmp(name, "min-df") == 0)
        return parse_df(name, value, &t->prune.min_df, err);
    if (strcmp(name, "max-df") == 0)
        return parse_df(name, value, &t->prune.max_df, err);
    int rc = parse_size(name, value, strcmp(name, "min-token-len") == 0, 1000000000L, &n, err);
    if (rc != 0)
        return rc;
    if (strcmp(name, "min-token-len") == 0)
        t->tokenizer.min_length = n;
    else if (strcmp(name, "max-token-len") == 0)
        t->tokenizer.max_length = n ? n : SIZE_MAX;
    else
        t->prune.max_terms = n;
    return 0;
}

static int handle_text(void *target, const char *name, const char *value, nt_error *err)
{
    static const char *const patterns[] = {"letters", "alnum", "word"};
    static const char *const ngrams[] = {"1-1", "1-2"};
    nt_text_options *t = &((cli_text_options *)target)->text;
    int choice, rc = 0;
    if (strcmp(name, "language") == 0) {
        t->language = value;
    } else if (strcmp(name, "no-stem") == 0) {
        t->stem = 0;
    } else if (strcmp(name, "stopwords") == 0) {
        ((cli_text_options *)target)->stopwords_path = value;
    } else if (strcmp(name, "no-stopwords") == 0) {
        t->bundled_stopwords = 0;
    } else if (strcmp(name, "token-pattern") == 0) {
        rc = cli_parse_choice(name, value, patterns, 3, &choice, err);
        if (rc == 0)
            t->tokenizer.pattern = (nt_token_pattern)choice;
    } else if (strcmp(name, "ngrams") == 0) {
        rc = cli_parse_choice(name, value, ngrams, 2, &choice, err);
        if (rc == 0)
            t->ngram_max = choice + 1;
    } else {
        rc = handle_number(t, name, value, err);
    }
    return rc;
}

static int handle_tfidf(void *target, const char *name, const char *value, nt_error *err)
{
    static const char *const norms[] = {"l2", "l1", "none"};
    nt_tfidf_options *f = &((cli_text_options *)target)->tfidf;
    int choice;
    if (strcmp(name, "sublinear-tf") == 0) {
        f->sublinear_tf = 1;
    } else if (strcmp(name, "no-idf") == 0) {
        f->use_idf = 0;
    } else {
        int rc = cli_parse_choice(name, value, norms, 3, &choice, err);
        if (rc != 0)
            return rc;
        f->norm = (nt_tfidf_norm)choice;
    }
    return 0;
}

cli_option_group cli_text_option_group(cli_text_options *o)
{
    return (cli_option_group){"Text options", text_options,
                              sizeof text_options / sizeof text_options[0], handle_text, o};
}

cli_option_group cli_tfidf_option_group(cli_text_options *o)
{
    return (cli_option_group){"TF-IDF options", tfidf_options,
                              sizeof tfidf_options / sizeof tfidf_options[0], handle_tfidf, o};
}

int cli_text_options_finish(const cli_text_options *o, const char *command)
{
    nt_error err;
    nt_error_clear(&err);
    if (nt_text_options_check(&o->text, &err) != NT_OK ||
        nt_tfidf_options_check(&o->tfidf, &err) != NT_OK) {
        cli_error("%s: %s", command, err.message);
        return CLI_USAGE_ERROR;
    }
    return CLI_PARSED;
}

int cli_text_options_load(cli_text_options *o, nt_error *err)
{
    if (!o->stopwords_path)
        return NT_OK;
    nt_stopwords *sw = NULL;
    int rc = nt_stopwords_create(&sw, err);
    if (rc == NT_OK)
        rc = nt_stopwords_add_file(sw, o->stopwords_path, err);
    if (rc == NT_OK)
        rc = nt_stopwords_list(sw, &o->stopwords, err);
    nt_stopwords_free(sw);
    o->text.extra_stopwords = (const char *const *)o->stopwords;
    return rc;
}

void cli_text_options_free(cli_text_options *o)
{
    free(o->stopwords);
    o->stopwords = NULL;
    o->text.extra_stopwords = NULL;
}
