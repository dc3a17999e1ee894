/* model_fixtures.c: the model suite's small hand-made model, its option tweaks, and file
 * helpers for the model file's bytes. */
#define _POSIX_C_SOURCE 200809L
#include "model_fixtures.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *terms[5][2] = {{"appl", "apples"}, {"banana", "banana"}, {"cherri", "cherries"},
                            {"date", "dates"}, {"élan", "élan"}};
static double idf[5] = {1.0, 1.5, 1.25, 2.0, 1.75};
static double small_w[6] = {0.5, 0.0, 0.25, 0.125, 1.0, 0.375}; /* 3 x 2, factor-major */
static double h[10] = {0.4, 0.3, 0.2, 0.1, 0.0, 0.0, 0.05, 0.15, 0.3, 0.5};

static nt_vocab *small_vocab(void)
{
    nt_vocab *v = calloc(1, sizeof *v);
    v->n_terms = 5;
    v->stems = calloc(5, sizeof *v->stems);
    v->surfaces = calloc(5, sizeof *v->surfaces);
    v->df = calloc(5, sizeof *v->df);
    v->counts = calloc(5, sizeof *v->counts);
    for (int j = 0; j < 5; j++) {
        v->stems[j] = strdup(terms[j][0]);
        v->surfaces[j] = strdup(terms[j][1]);
        v->df[j] = j + 1;
        v->counts[j] = 10 * (j + 1);
    }
    return v;
}

void small_inputs_make(small_inputs *in, model_tweak tweak)
{
    memset(in, 0, sizeof *in);
    nt_text_options_init(&in->text);
    nt_tfidf_options_init(&in->tfidf);
    nt_nmf_options_init(&in->nmf);
    in->nmf.k = 2;
    if (tweak)
        tweak(&in->text, &in->tfidf, &in->nmf);
    in->dtm = (nt_dtm){.A = nt_sparse_allocate(3, 5, 4), .vocab = small_vocab(), .idf = idf};
    in->res = (nt_nmf_result){.m = 3, .n = 5, .k = 2, .w = small_w, .h = h, .iterations = 17,
                              .objective = 0.125, .rel_error = 0.5, .converged = 1, .runs = 1,
                              .seconds = 0.01};
}

void small_inputs_free(small_inputs *in)
{
    nt_sparse_free(&in->dtm.A);
    nt_vocab_free(in->dtm.vocab);
}

nt_model *small_model(model_tweak tweak)
{
    small_inputs in;
    small_inputs_make(&in, tweak);
    nt_model *model = NULL;
    nt_error err;
    ck_assert_msg(nt_model_create(&in.text, &in.tfidf, &in.nmf, &in.dtm, &in.res, &model,
                                  &err) == NT_OK, "%s", err.message);
    small_inputs_free(&in);
    return model;
}

void unusual_options(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
{
    static const char *const extra[] = {"Zebra", "apple", "zebra", "\xC3\x89lan", NULL};
    t->language = "french";
    t->extra_stopwords = extra;
    t->stem = 0;
    t->tokenizer.pattern = NT_TOKENS_WORD;
    t->tokenizer.max_length = SIZE_MAX;
    t->prune.min_df = (nt_df_limit){0.01, 1};
    t->prune.max_df = (nt_df_limit){3, 0};
    t->prune.max_terms = 1000;
    t->ngram_max = 2;
    f->sublinear_tf = 1;
    f->use_idf = 0;
    f->norm = NT_NORM_L1;
    n->algorithm = NT_NMF_MU;
    n->seed = UINT64_C(0xFEDCBA9876543210);
    n->tol = 1e-7;
    n->l1_w = 0.25;
    n->stop = NT_NMF_STOP_PGRAD;
}

const char *write_stopwords(void)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s",
             nt_test_write_file(NULL, "stop words.txt",
                                "| words the training run removed\ncomets\nDates dates\n"));
    return path;
}

const char *model_file(void)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", nt_test_path(NULL, "model.ntm"));
    return path;
}

unsigned char *read_bytes(const char *path, size_t *len)
{
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    *len = (size_t)st.st_size;
    return (unsigned char *)nt_test_read_file(path);
}

/* In place rather than through nt_test_write_bytes: replacing a file by truncating it to
 * zero first makes ext4 flush it on close, which would slow the thousands of rewrites of
 * the corruption tests to seconds. */
void write_bytes(const char *path, const unsigned char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pwrite(fd, data, len, 0), (ssize_t)len);
    ck_assert_int_eq(ftruncate(fd, (off_t)len), 0);
    close(fd);
}

uint32_t reference_crc32(const unsigned char *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}
