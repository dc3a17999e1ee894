/* model_stopwords.c: the extra stop words a model keeps so that transforming needs nothing
 * but the model: the words of the training run's stop-word file and extra list, normalised,
 * sorted and distinct, in one allocation; and their form in the model file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"
#include "nmftopics/stopwords.h"

/* count words copied into one allocation: count + 1 pointers (the last NULL), then the
 * words; released with free(). NULL when out of memory. */
static char **pack(const char *const *words, size_t count)
{
    size_t bytes = (count + 1) * sizeof(char *);
    for (size_t q = 0; q < count; q++)
        bytes += strlen(words[q]) + 1;
    char **block = malloc(bytes);
    if (!block)
        return NULL;
    char *at = (char *)(block + count + 1);
    for (size_t q = 0; q < count; q++) {
        size_t len = strlen(words[q]) + 1;
        memcpy(at, words[q], len);
        block[q] = at;
        at += len;
    }
    block[count] = NULL;
    return block;
}

int nt_model_stopwords_collect(const nt_text_options *text, char ***out, nt_error *err)
{
    *out = NULL;
    if (!text->stopwords_file && !text->extra_stopwords)
        return NT_OK;
    nt_stopwords *sw = NULL;
    int rc = nt_stopwords_create(&sw, err);
    if (rc == NT_OK && text->stopwords_file)
        rc = nt_stopwords_add_file(sw, text->stopwords_file, err);
    for (size_t q = 0; rc == NT_OK && text->extra_stopwords && text->extra_stopwords[q]; q++)
        rc = nt_stopwords_add(sw, text->extra_stopwords[q], strlen(text->extra_stopwords[q]),
                              err);
    if (rc == NT_OK && nt_stopwords_count(sw) > 0)
        rc = nt_stopwords_list(sw, out, err);
    nt_stopwords_free(sw);
    return rc;
}

static size_t word_count(const char *const *words)
{
    size_t count = 0;
    while (words && words[count])
        count++;
    return count;
}

int nt_model_words_own(const char *const **words)
{
    const char *const *borrowed = *words;
    size_t count = word_count(borrowed);
    *words = NULL;
    if (count > 0 && !(*words = (const char *const *)pack(borrowed, count)))
        return NT_ENOMEM;
    return NT_OK;
}

void nt_model_words_write(nt_wbuf *w, const char *const *words)
{
    size_t count = word_count(words);
    nt_wbuf_u64(w, count);
    for (size_t q = 0; q < count; q++)
        nt_wbuf_string(w, words[q]);
}

int nt_model_words_read(nt_rbuf *r, const char *field, const char *const **out)
{
    size_t count;
    /* Each word takes at least its u32 length and one byte. */
    int status = nt_rbuf_count(r, field, 0, INT32_MAX, 5, &count);
    char **words = status == NT_OK ? calloc(count + 1, sizeof *words) : NULL;
    if (status == NT_OK && !words)
        status = nt_error_set(r->err, NT_ENOMEM, "out of memory reading %s", r->path);
    for (size_t q = 0; status == NT_OK && q < count; q++) {
        status = nt_rbuf_string(r, field, NT_MODEL_MAX_STRING, &words[q]);
        if (status == NT_OK && (!words[q][0] || (q > 0 && strcmp(words[q - 1], words[q]) >= 0)))
            status = nt_rbuf_fail(r, field, "words are empty, not sorted or not distinct");
    }
    free((void *)*out);
    *out = NULL;
    if (status == NT_OK && count > 0 &&
        !(*out = (const char *const *)pack((const char *const *)words, count)))
        status = nt_error_set(r->err, NT_ENOMEM, "out of memory reading %s", r->path);
    for (size_t q = 0; words && q < count; q++)
        free(words[q]);
    free(words);
    return status;
}
