/* test_dtm_util.c: corpora written on the fly and the other helpers of the dtm suite. */
#define _XOPEN_SOURCE 700
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nmftopics/corpus.h"
#include "test_dtm.h"

char test_root[] = "/tmp/nt_test_dtm_XXXXXX";

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

void write_file(const char *dir, const char *name, const char *bytes, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(bytes, 1, len, fp), len);
    fclose(fp);
}

const char *new_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", test_root, name);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    return path;
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

double entry(const cholmod_sparse *A, int r, int c)
{
    const int *Ap = A->p, *Ai = A->i;
    for (int p = Ap[c]; p < Ap[c + 1]; p++)
        if (Ai[p] == r)
            return ((const double *)A->x)[p];
    return 0.0;
}

/* Words from a small stock, so that terms recur across documents. */
void make_random_corpus(const char *dir, int n_docs)
{
    static const char *const stock[] = {
        "market", "markets", "marketing", "govern", "governments", "nation", "nations",
        "national", "tax", "taxes", "taxation", "war", "wars", "peace", "peaceful", "money",
        "monetary", "trade", "trading", "traders", "law", "laws", "lawful", "the", "and", "of",
        "école", "crème", "naïve", "Zürich", "москва", "αθήνα", "x86", "data_set"};
    uint64_t state = 12345;
    for (int d = 0; d < n_docs; d++) {
        char text[4096] = "", name[32];
        state = state * 6364136223846793005u + 1442695040888963407u;
        int words = (int)((state >> 33) % 60); /* some documents are empty */
        for (int w = 0; w < words; w++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            strcat(text, stock[(state >> 33) % (sizeof stock / sizeof *stock)]);
            strcat(text, w % 7 == 6 ? ". " : " ");
        }
        snprintf(name, sizeof name, "d%04d.txt", d);
        write_file(dir, name, text, strlen(text));
    }
}
