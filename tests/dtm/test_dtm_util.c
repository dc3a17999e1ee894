/* test_dtm_util.c: corpora written on the fly and the other helpers of the dtm suite. */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nmftopics/corpus.h"
#include "nt_test.h"
#include "test_dtm.h"

void seen_log(void *user, nt_log_level level, const char *message)
{
    seen *s = user;
    if (level == NT_LOG_WARNING) {
        s->warnings++;
        snprintf(s->last, sizeof s->last, "%s", message);
    }
}

void seen_progress(void *user, const char *phase, size_t done, size_t total)
{
    seen *s = user;
    ck_assert_str_eq(phase, "reading");
    ck_assert_uint_ge(done, s->done); /* never goes backwards */
    s->progress_calls++;
    s->done = done;
    s->total = total;
}

const char *one_doc_dir(const char *name, const char *text)
{
    const char *dir = nt_test_make_dir(NULL, name);
    nt_test_write_file(dir, "doc", text);
    return dir;
}

const char *fruit_dir(const char *name)
{
    const char *dir = nt_test_make_dir(NULL, name);
    nt_test_write_file(dir, "a.txt", "Apple banana apple");
    nt_test_write_file(dir, "b.txt", "banana cherry");
    return dir;
}

int build_status(const char *dir, const nt_text_options *t, const nt_tfidf_options *f,
                 const nt_hooks *hooks, nt_dtm **d, nt_error *err)
{
    nt_corpus *corpus = NULL;
    int rc = nt_corpus_open_dir(dir, NULL, &corpus, err);
    if (rc == NT_OK)
        rc = nt_dtm_build(corpus, t, f, hooks, d, err);
    nt_corpus_free(corpus);
    return rc;
}

nt_dtm *build_dir(const char *dir, const nt_text_options *t, const nt_tfidf_options *f)
{
    nt_dtm *d = NULL;
    nt_error err;
    nt_error_clear(&err);
    int rc = build_status(dir, t, f, NULL, &d, &err);
    ck_assert_msg(rc == NT_OK, "build of %s failed: %s", dir, err.message);
    return d;
}

void plain_options(nt_text_options *t, nt_tfidf_options *f)
{
    nt_text_options_init(t);
    nt_tfidf_options_init(f);
    t->prune.min_df = (nt_df_limit){1, 0};
    t->prune.max_df = (nt_df_limit){1.0, 1};
    t->bundled_stopwords = 0;
}

void count_options(nt_text_options *t, nt_tfidf_options *f)
{
    plain_options(t, f);
    t->stem = 0;
    f->use_idf = 0;
    f->norm = NT_NORM_NONE;
}

double entry(const cholmod_sparse *A, int r, int c)
{
    const int *Ap = A->p, *Ai = A->i;
    for (int p = Ap[c]; p < Ap[c + 1]; p++)
        if (Ai[p] == r)
            return ((const double *)A->x)[p];
    return 0.0;
}

/* Words from a small stock, so that terms recur across documents. The folder's path is
 * kept here because writing the documents cycles through nt_test_path's buffers. */
const char *make_random_corpus(const char *name, int n_docs)
{
    static char dir[512];
    snprintf(dir, sizeof dir, "%s", nt_test_make_dir(NULL, name));
    static const char *const stock[] = {
        "market", "markets", "marketing", "govern", "governments", "nation", "nations",
        "national", "tax", "taxes", "taxation", "war", "wars", "peace", "peaceful", "money",
        "monetary", "trade", "trading", "traders", "law", "laws", "lawful", "the", "and", "of",
        "école", "crème", "naïve", "Zürich", "москва", "αθήνα", "x86", "data_set"};
    uint64_t state = 12345;
    for (int d = 0; d < n_docs; d++) {
        char text[4096] = "", file[32];
        state = state * 6364136223846793005u + 1442695040888963407u;
        int words = (int)((state >> 33) % 60); /* some documents are empty */
        for (int w = 0; w < words; w++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            strcat(text, stock[(state >> 33) % (sizeof stock / sizeof *stock)]);
            strcat(text, w % 7 == 6 ? ". " : " ");
        }
        snprintf(file, sizeof file, "d%04d.txt", d);
        nt_test_write_file(dir, file, text);
    }
    return dir;
}
