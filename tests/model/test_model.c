/* test_model.c: the model container: round trip, option table, and a loader that detects
 * every single-byte corruption and every truncation of a small model. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nmftopics/model.h"

static char dir[] = "/tmp/nt_test_model_XXXXXX";
static char path[256];

/* ---- A small model built by hand: 3 documents, 5 terms, 2 topics ---------------------- */

static char *terms[5][2] = {{"appl", "apples"}, {"banana", "banana"}, {"cherri", "cherries"},
                            {"date", "dates"}, {"élan", "élan"}};
static double idf[5] = {1.0, 1.5, 1.25, 2.0, 1.75};
static double small_w[6] = {0.5, 0.0, 0.25, 0.125, 1.0, 0.375};   /* 3 x 2, factor-major */
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

/* Creates the small model with opts adjusted by tweak (may be NULL). */
static nt_model *small_model(void (*tweak)(nt_text_options *, nt_tfidf_options *, nt_nmf_options *))
{
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    nmf.k = 2;
    if (tweak)
        tweak(&text, &tfidf, &nmf);
    nt_dtm dtm = {.A = nt_sparse_allocate(3, 5, 4), .vocab = small_vocab(), .idf = idf};
    nt_nmf_result res = {.m = 3, .n = 5, .k = 2, .w = small_w, .h = h, .iterations = 17,
                         .objective = 0.125, .rel_error = 0.5, .converged = 1, .runs = 1,
                         .seconds = 0.01};
    nt_model *model = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_create(&text, &tfidf, &nmf, &dtm, &res, &model, &err), NT_OK);
    nt_sparse_free(&dtm.A);
    nt_vocab_free(dtm.vocab);
    return model;
}

static unsigned char *read_all(const char *p, size_t *len)
{
    FILE *fp = fopen(p, "rb");
    ck_assert_ptr_nonnull(fp);
    fseek(fp, 0, SEEK_END);
    *len = (size_t)ftell(fp);
    rewind(fp);
    unsigned char *data = malloc(*len);
    ck_assert_uint_eq(fread(data, 1, *len, fp), *len);
    fclose(fp);
    return data;
}

/* Rewrites p in place and then cuts it to len: replacing a file by truncating it to zero
 * first makes ext4 flush it on close, which would slow the thousands of rewrites below to
 * seconds. */
static void write_all(const char *p, const unsigned char *data, size_t len)
{
    int fd = open(p, O_WRONLY | O_CREAT, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(pwrite(fd, data, len, 0), (ssize_t)len);
    ck_assert_int_eq(ftruncate(fd, (off_t)len), 0);
    close(fd);
}

/* An independent bitwise CRC-32 (reflected 0xEDB88320), to re-seal patched payloads. */
static uint32_t reference_crc32(const unsigned char *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void reseal(unsigned char *data, size_t len)
{
    uint32_t crc = reference_crc32(data + 24, len - 24);
    for (int i = 0; i < 4; i++)
        data[12 + i] = (unsigned char)(crc >> (8 * i));
}

/* Loads path expecting failure with NT_EFORMAT and a message naming the file and
 * containing want; returns nothing, asserts. */
static void expect_format_error(const char *want)
{
    nt_model *model = (nt_model *)1;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(nt_model_load(path, &model, &err), NT_EFORMAT);
    ck_assert_ptr_null(model);
    ck_assert_msg(strstr(err.message, path) != NULL, "message without path: %s", err.message);
    ck_assert_msg(strstr(err.message, want) != NULL, "expected '%s' in: %s", want, err.message);
}

static void assert_same_settings(const nt_model *a, const nt_model *b)
{
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_setting sa, sb;
        nt_model_setting_get(a, x, &sa);
        nt_model_setting_get(b, x, &sb);
        ck_assert_str_eq(sa.name, sb.name);
        ck_assert_int_eq(sa.kind, sb.kind);
        ck_assert_int_eq(sa.flag, sb.flag);
        ck_assert_int_eq(sa.integer, sb.integer);
        ck_assert_msg(sa.real == sb.real || (isnan(sa.real) && isnan(sb.real)), "%s", sa.name);
        ck_assert_str_eq(sa.text ? sa.text : "", sb.text ? sb.text : "");
        for (size_t q = 0; sa.words && sa.words[q]; q++)
            ck_assert_str_eq(sa.words[q], sb.words[q] ? sb.words[q] : "(end)");
        ck_assert_int_eq(sa.words != NULL, sb.words != NULL);
    }
}

static void assert_same_model(const nt_model *a, const nt_model *b)
{
    ck_assert_uint_eq(a->k, b->k);
    ck_assert_uint_eq(a->n, b->n);
    ck_assert_uint_eq(b->vocab->n_terms, b->n);
    for (size_t j = 0; j < a->n; j++) {
        ck_assert_str_eq(a->vocab->stems[j], b->vocab->stems[j]);
        ck_assert_str_eq(a->vocab->surfaces[j], b->vocab->surfaces[j]);
        ck_assert_int_eq(a->vocab->df[j], b->vocab->df[j]);
        ck_assert_int_eq(a->vocab->counts[j], b->vocab->counts[j]);
        ck_assert(a->idf[j] == b->idf[j]);
    }
    ck_assert_mem_eq(a->h, b->h, a->k * a->n * sizeof *a->h); /* bit for bit */
    ck_assert_mem_eq(a->share, b->share, a->k * sizeof *a->share);
    ck_assert_uint_eq(a->fit.documents, b->fit.documents);
    ck_assert_uint_eq(a->fit.nonzeros, b->fit.nonzeros);
    ck_assert_int_eq(a->fit.iterations, b->fit.iterations);
    ck_assert(a->fit.objective == b->fit.objective && a->fit.rel_error == b->fit.rel_error);
    ck_assert_int_eq(a->fit.converged, b->fit.converged);
    ck_assert_uint_eq(a->nmf.k, b->nmf.k);
    assert_same_settings(a, b);
}

START_TEST(round_trip_keeps_everything)
{
    nt_model *model = small_model(NULL), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, path, &err), NT_OK);
    ck_assert_int_eq(nt_model_load(path, &back, &err), NT_OK);
    assert_same_model(model, back);
    /* The shares are W's column sums over its total: (0.75, 1.5) / 2.25. */
    ck_assert_double_eq_tol(back->share[0], 0.75 / 2.25, 1e-15);
    ck_assert_double_eq_tol(back->share[1], 1.5 / 2.25, 1e-15);
    ck_assert_str_eq(back->text.language, "english");
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

static void unusual_options(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
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

static nt_setting find_setting(const nt_model *model, const char *section, const char *name);

/* Writes a stop-word file with a comment and two words (one twice) into the test folder. */
static const char *write_stopwords(void)
{
    static char stop_path[300];
    snprintf(stop_path, sizeof stop_path, "%s/stop words.txt", dir);
    FILE *fp = fopen(stop_path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("| words the training run removed\ncomets\nDates dates\n", fp);
    fclose(fp);
    return stop_path;
}

static void stopword_file(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
{
    (void)f;
    (void)n;
    static const char *const extra[] = {"apple", NULL};
    t->stopwords_file = write_stopwords();
    t->extra_stopwords = extra;
}

START_TEST(model_keeps_the_stop_words_not_the_file)
{
    nt_model *model = small_model(stopword_file), *back = NULL;
    nt_error err;
    unlink(write_stopwords()); /* the file is not needed any more */
    ck_assert_int_eq(nt_model_save(model, path, &err), NT_OK);
    ck_assert_msg(nt_model_load(path, &back, &err) == NT_OK, "%s", err.message);
    assert_same_model(model, back);
    const char *const want[] = {"apple", "comets", "dates", NULL};
    for (size_t q = 0; q < 4; q++)
        ck_assert_str_eq(back->text.extra_stopwords[q] ? back->text.extra_stopwords[q] : "(end)",
                         want[q] ? want[q] : "(end)");
    ck_assert_ptr_null(back->text.stopwords_file);
    ck_assert_ptr_eq(find_setting(back, "text", "stopwords").words, back->text.extra_stopwords);
    ck_assert_int_eq(find_setting(back, "text", "stopwords").kind, NT_SETTING_WORDS);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

/* Missing values need hals and the objective stop; kept apart from the options above. */
static void absent_zeros(nt_text_options *t, nt_tfidf_options *f, nt_nmf_options *n)
{
    (void)t;
    (void)f;
    n->missing = NT_NMF_MISSING_ABSENT;
}

START_TEST(round_trip_keeps_unusual_options)
{
    nt_model *model = small_model(unusual_options), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, path, &err), NT_OK);
    ck_assert_msg(nt_model_load(path, &back, &err) == NT_OK, "%s", err.message);
    assert_same_model(model, back);
    /* Extra stop words are kept normalised, sorted and distinct. */
    const char *const want[] = {"apple", "zebra", "\xC3\xA9lan", NULL};
    for (size_t q = 0; q < 4; q++)
        ck_assert_str_eq(back->text.extra_stopwords[q] ? back->text.extra_stopwords[q] : "(end)",
                         want[q] ? want[q] : "(end)");
    ck_assert_ptr_null(back->text.stopwords_file);
    ck_assert_uint_eq(back->text.tokenizer.max_length, SIZE_MAX);
    ck_assert(back->text.prune.min_df.is_fraction && back->text.prune.min_df.value == 0.01);
    ck_assert_int_eq(back->nmf.algorithm, NT_NMF_MU);
    ck_assert(back->nmf.seed == UINT64_C(0xFEDCBA9876543210));
    ck_assert_int_eq(back->tfidf.norm, NT_NORM_L1);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

START_TEST(round_trip_keeps_missing_mode)
{
    nt_model *model = small_model(absent_zeros), *back = NULL;
    nt_error err;
    ck_assert_int_eq(nt_model_save(model, path, &err), NT_OK);
    ck_assert_msg(nt_model_load(path, &back, &err) == NT_OK, "%s", err.message);
    ck_assert_int_eq(back->nmf.missing, NT_NMF_MISSING_ABSENT);
    assert_same_model(model, back);
    nt_model_free(model);
    nt_model_free(back);
}
END_TEST

/* Finds a setting by section and name; fails the test when missing. */
static nt_setting find_setting(const nt_model *model, const char *section, const char *name)
{
    nt_setting s;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_model_setting_get(model, x, &s);
        if (strcmp(s.section, section) == 0 && strcmp(s.name, name) == 0)
            return s;
    }
    ck_abort_msg("no setting %s.%s", section, name);
    return s;
}

START_TEST(settings_list_the_options_by_cli_name)
{
    nt_model *model = small_model(unusual_options);
    ck_assert_str_eq(find_setting(model, "text", "min-df").text, "0.01");
    ck_assert_str_eq(find_setting(model, "text", "max-df").text, "3");
    ck_assert_str_eq(find_setting(model, "text", "language").text, "french");
    ck_assert_str_eq(find_setting(model, "text", "token-pattern").text, "word");
    ck_assert_int_eq(find_setting(model, "text", "max-token-len").integer, 0); /* no limit */
    ck_assert_int_eq(find_setting(model, "text", "stem").flag, 0);
    ck_assert_str_eq(find_setting(model, "tfidf", "norm").text, "l1");
    ck_assert_str_eq(find_setting(model, "nmf", "algorithm").text, "mu");
    ck_assert_double_eq(find_setting(model, "nmf", "tol").real, 1e-7);
    /* Sections come grouped, in the order text, tfidf, nmf. */
    const char *order[] = {"text", "tfidf", "nmf"};
    int at = 0;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_setting s;
        nt_model_setting_get(model, x, &s);
        while (at < 3 && strcmp(s.section, order[at]) != 0)
            at++;
        ck_assert_int_lt(at, 3);
    }
    nt_model_free(model);
}
END_TEST

START_TEST(header_is_little_endian_and_sealed)
{
    nt_model *model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, path, NULL), NT_OK);
    size_t len;
    unsigned char *data = read_all(path, &len);
    ck_assert_mem_eq(data, "\x89NTM\r\n\x1a\n", 8);
    ck_assert_int_eq(data[8], NT_MODEL_FORMAT_VERSION);
    ck_assert(data[9] == 0 && data[10] == 0 && data[11] == 0);
    uint32_t crc = reference_crc32(data + 24, len - 24);
    unsigned char stored[4] = {crc & 0xFF, (crc >> 8) & 0xFF, (crc >> 16) & 0xFF, crc >> 24};
    ck_assert_mem_eq(data + 12, stored, 4);
    uint64_t payload = 0;
    for (int i = 7; i >= 0; i--)
        payload = payload << 8 | data[16 + i];
    ck_assert_uint_eq(payload, len - 24);
    free(data);
    nt_model_free(model);
}
END_TEST

/* Saves the small model and returns its bytes. */
static unsigned char *saved_small_model(size_t *len)
{
    nt_model *model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, path, NULL), NT_OK);
    nt_model_free(model);
    return read_all(path, len);
}

START_TEST(every_single_byte_corruption_is_detected)
{
    size_t len;
    unsigned char *good = saved_small_model(&len);
    unsigned char *bad = malloc(len);
    static const unsigned char flips[] = {0x01, 0x80, 0xFF};
    for (size_t at = 0; at < len; at++)
        for (size_t f = 0; f < sizeof flips; f++) {
            memcpy(bad, good, len);
            bad[at] ^= flips[f];
            write_all(path, bad, len);
            nt_model *model = NULL;
            nt_error err;
            int status = nt_model_load(path, &model, &err);
            ck_assert_msg(status == NT_EFORMAT, "byte %zu ^ 0x%02x: status %d", at, flips[f], status);
            ck_assert_ptr_null(model);
        }
    free(bad);
    free(good);
}
END_TEST

START_TEST(every_truncation_is_detected)
{
    size_t len;
    unsigned char *good = saved_small_model(&len);
    for (size_t cut = 0; cut < len; cut++) {
        write_all(path, good, cut);
        nt_model *model = NULL;
        nt_error err;
        ck_assert_msg(nt_model_load(path, &model, &err) == NT_EFORMAT, "cut at %zu", cut);
        ck_assert_msg(strstr(err.message, cut == 0 ? "empty" : "truncated"), "cut at %zu: %s", cut,
                      err.message);
    }
    free(good);
}
END_TEST

/* Offset of the u32 length in front of the string s inside the payload. */
static size_t string_length_offset(const unsigned char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t at = 28; at + n <= len; at++)
        if (memcmp(data + at, s, n) == 0 && data[at - 4] == n && data[at - 3] == 0)
            return at - 4;
    ck_abort_msg("string %s not found", s);
    return 0;
}

START_TEST(sealed_bad_length_is_detected)
{
    /* A checksum only proves the bytes are as written; a file sealed with a bad length
     * (a bug, or crafted) must still be caught by the bounds checks. */
    size_t len;
    unsigned char *data = saved_small_model(&len);
    size_t at = string_length_offset(data, len, "cherries");
    memcpy(data + at, "\x00\xff\xff\x7f", 4);
    reseal(data, len);
    write_all(path, data, len);
    expect_format_error("term surface form");
    free(data);
}
END_TEST

START_TEST(sealed_bad_values_are_detected)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    /* H is the last field: make its last entry NaN. */
    memcpy(data + len - 8, "\x00\x00\x00\x00\x00\x00\xf8\x7f", 8);
    reseal(data, len);
    write_all(path, data, len);
    expect_format_error("H at byte");
    free(data);

    /* Swap two stems of equal length so that the terms are no longer sorted. */
    data = saved_small_model(&len);
    size_t a = string_length_offset(data, len, "banana"), b = string_length_offset(data, len, "cherri");
    memcpy(data + a + 4, "cherri", 6);
    memcpy(data + b + 4, "banana", 6);
    reseal(data, len);
    write_all(path, data, len);
    expect_format_error("not sorted");
    free(data);

    /* Stop words out of order. */
    nt_model *model = small_model(unusual_options);
    ck_assert_int_eq(nt_model_save(model, path, NULL), NT_OK);
    nt_model_free(model);
    data = read_all(path, &len);
    a = string_length_offset(data, len, "apple");
    b = string_length_offset(data, len, "zebra");
    memcpy(data + a + 4, "zebra", 5);
    memcpy(data + b + 4, "apple", 5);
    reseal(data, len);
    write_all(path, data, len);
    expect_format_error("stopwords at byte");
    free(data);
}
END_TEST

START_TEST(wrong_magic_is_not_a_model)
{
    const char text[] = "%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 1\n";
    write_all(path, (const unsigned char *)text, sizeof text - 1);
    expect_format_error("not an nmftopics model");
}
END_TEST

START_TEST(future_version_is_refused)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    data[8] = NT_MODEL_FORMAT_VERSION + 1;
    write_all(path, data, len);
    expect_format_error("is newer than this nmftopics");
    free(data);
}
END_TEST

START_TEST(trailing_bytes_are_refused)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    data = realloc(data, len + 3);
    memcpy(data + len, "abc", 3);
    write_all(path, data, len + 3);
    expect_format_error("3 unexpected bytes after the payload");
    free(data);
}
END_TEST

START_TEST(missing_file_and_unwritable_folder_are_io_errors)
{
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_load("/nonexistent/model.ntm", &model, &err), NT_EIO);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/model.ntm"));
    model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, "/nonexistent/dir/model.ntm", &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/dir/model.ntm"));
    nt_model_free(model);
}
END_TEST

/* A folder, a device that never ends and a FIFO nobody writes are refused at once, by name,
 * before any byte is read (a blocking read of the FIFO would wait forever). */
START_TEST(only_regular_files_are_loaded)
{
    char fifo[300];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *paths[] = {dir, "/dev/zero", fifo};
    const char *why[] = {"it is a folder", "not a regular file", "not a regular file"};
    for (int q = 0; q < 3; q++) {
        nt_model *model = (nt_model *)1;
        nt_error err;
        ck_assert_int_eq(nt_model_load(paths[q], &model, &err), NT_EIO);
        ck_assert_ptr_null(model);
        ck_assert_ptr_nonnull(strstr(err.message, paths[q]));
        ck_assert_msg(strstr(err.message, why[q]) != NULL, "%s", err.message);
    }
    unlink(fifo);
}
END_TEST

START_TEST(create_names_an_unreadable_stopword_file)
{
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    nmf.k = 2;
    text.stopwords_file = "/nonexistent/stop.txt";
    nt_dtm dtm = {.A = nt_sparse_allocate(3, 5, 4), .vocab = small_vocab(), .idf = idf};
    nt_nmf_result res = {.m = 3, .n = 5, .k = 2, .w = small_w, .h = h};
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_create(&text, &tfidf, &nmf, &dtm, &res, &model, &err), NT_EIO);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/stop.txt"));
    nt_sparse_free(&dtm.A);
    nt_vocab_free(dtm.vocab);
}
END_TEST

START_TEST(create_refuses_mismatched_sizes)
{
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    nmf.k = 2;
    nt_dtm dtm = {.A = nt_sparse_allocate(3, 5, 4), .vocab = small_vocab(), .idf = idf};
    nt_nmf_result res = {.m = 4, .n = 5, .k = 2, .w = small_w, .h = h};
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_create(&text, &tfidf, &nmf, &dtm, &res, &model, &err), NT_EINVAL);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "does not match"));
    nt_sparse_free(&dtm.A);
    nt_vocab_free(dtm.vocab);
}
END_TEST

/* ---- Transforming the training corpus gives back the fitted W ------------------------- */

static double relative_difference(const double *a, const double *b, size_t n)
{
    double diff = 0.0, norm = 0.0;
    for (size_t i = 0; i < n; i++) {
        diff += (a[i] - b[i]) * (a[i] - b[i]);
        norm += a[i] * a[i];
    }
    return sqrt(diff / norm);
}

/* Fits 4 topics to the 13 small documents of tests/data/model/corpus (astronomy, cooking,
 * football, gardening, and one mixed) with the default NMF options, then makes W the
 * projection of A onto the final H as fit does (nt_nmf_result_project). A stop-word file removes "comets" (and "dates"), whose
 * stem "comet" stays in the vocabulary through "comet"; the file is deleted once the model
 * is made, so a transform must take the words from the model. */
static void fit_small_corpus(nt_corpus **corpus, nt_dtm **dtm, nt_nmf_result **res, nt_model **model)
{
    nt_error err;
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_text_options_init(&text);
    nt_tfidf_options_init(&tfidf);
    nt_nmf_options_init(&nmf);
    text.threads = nmf.threads = 1;
    text.stopwords_file = write_stopwords();
    nmf.k = 4;
    ck_assert_int_eq(nt_corpus_open_dir(NT_TEST_DATA_DIR "/model/corpus", NULL, corpus, &err), NT_OK);
    ck_assert_msg(nt_dtm_build(*corpus, &text, &tfidf, NULL, dtm, &err) == NT_OK, "%s", err.message);
    nt_matrix a = {(*dtm)->A->nrow, (*dtm)->A->ncol, (*dtm)->A, NULL};
    ck_assert_msg(nt_nmf_fit(&a, &nmf, NULL, res, &err) == NT_OK, "%s", err.message);
    ck_assert_msg(nt_nmf_result_project(&a, &nmf, *res, &err) == NT_OK, "%s", err.message);
    ck_assert_int_eq(nt_model_create(&text, &tfidf, &nmf, *dtm, *res, model, &err), NT_OK);
    unlink(text.stopwords_file);
}

START_TEST(transform_of_training_corpus_reproduces_w)
{
    nt_corpus *corpus;
    nt_dtm *dtm, *again;
    nt_nmf_result *res;
    nt_model *model, *loaded;
    nt_error err;
    fit_small_corpus(&corpus, &dtm, &res, &model);
    ck_assert_int_eq(nt_model_save(model, path, &err), NT_OK);
    ck_assert_int_eq(nt_model_load(path, &loaded, &err), NT_OK);
    double *w;
    ck_assert_msg(nt_model_transform(loaded, corpus, 1, NULL, &again, &w, &err) == NT_OK, "%s",
                  err.message);
    /* The same preprocessing from the saved options, stop words included, gives the same
     * matrix... */
    const cholmod_sparse *A = dtm->A, *B = again->A;
    ck_assert_uint_eq(A->nrow, B->nrow);
    ck_assert_uint_eq(A->ncol, B->ncol);
    const int *Ap = A->p, *Bp = B->p;
    ck_assert_int_eq(Ap[A->ncol], Bp[B->ncol]);
    ck_assert_mem_eq(A->i, B->i, (size_t)Ap[A->ncol] * sizeof(int));
    ck_assert_double_eq_tol(relative_difference(A->x, B->x, (size_t)Ap[A->ncol]), 0.0, 1e-14);
    /* ...and NNLS against the fixed H gives the W fit reported: the same computation on
     * the same H and a matrix equal to 1e-14, so the tolerance is 1e-10 (relative,
     * Frobenius norm) rather than the 1e-3 the stopping rule alone would allow. */
    double rel = relative_difference(res->w, w, res->m * res->k);
    ck_assert_msg(rel <= 1e-10, "transform differs from fit by %g", rel);
    free(w);
    nt_dtm_free(again);
    nt_model_free(loaded);
    nt_model_free(model);
    nt_nmf_result_free(res);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
}
END_TEST

START_TEST(transform_of_new_documents)
{
    nt_corpus *corpus, *fresh;
    nt_dtm *dtm, *new_dtm;
    nt_nmf_result *res;
    nt_model *model;
    nt_error err;
    fit_small_corpus(&corpus, &dtm, &res, &model);
    ck_assert_int_eq(nt_corpus_open_dir(NT_TEST_DATA_DIR "/model/new", NULL, &fresh, &err), NT_OK);
    double *w;
    ck_assert_int_eq(nt_model_transform(model, fresh, 1, NULL, &new_dtm, &w, &err), NT_OK);
    ck_assert_uint_eq(new_dtm->A->nrow, 2);
    ck_assert_str_eq(new_dtm->doc_names[0], "cooking.txt");
    /* The cooking text goes to the topic where cook1.txt (row 3) weighs most. */
    size_t m = res->m, k = res->k, cook = 0, best = 0;
    for (size_t t = 1; t < k; t++) {
        cook = res->w[t * m + 3] > res->w[cook * m + 3] ? t : cook;
        best = w[t * 2] > w[best * 2] ? t : best;
    }
    ck_assert_uint_eq(best, cook);
    ck_assert_double_gt(w[cook * 2], 0.0);
    /* A document without any known term gets all-zero weights. */
    for (size_t t = 0; t < k; t++)
        ck_assert_double_eq(w[t * 2 + 1], 0.0);
    free(w);
    nt_dtm_free(new_dtm);
    nt_corpus_free(fresh);
    nt_model_free(model);
    nt_nmf_result_free(res);
    nt_dtm_free(dtm);
    nt_corpus_free(corpus);
}
END_TEST

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    snprintf(path, sizeof path, "%s/model.ntm", dir);
    Suite *s = suite_create("model");
    TCase *core = tcase_create("core");
    tcase_add_test(core, round_trip_keeps_everything);
    tcase_add_test(core, round_trip_keeps_unusual_options);
    tcase_add_test(core, round_trip_keeps_missing_mode);
    tcase_add_test(core, model_keeps_the_stop_words_not_the_file);
    tcase_add_test(core, settings_list_the_options_by_cli_name);
    tcase_add_test(core, header_is_little_endian_and_sealed);
    tcase_add_test(core, transform_of_training_corpus_reproduces_w);
    tcase_add_test(core, transform_of_new_documents);
    TCase *edge = tcase_create("edge");
    tcase_add_test(edge, every_single_byte_corruption_is_detected);
    tcase_add_test(edge, every_truncation_is_detected);
    tcase_add_test(edge, sealed_bad_length_is_detected);
    tcase_add_test(edge, sealed_bad_values_are_detected);
    TCase *errors = tcase_create("errors");
    tcase_add_test(errors, wrong_magic_is_not_a_model);
    tcase_add_test(errors, future_version_is_refused);
    tcase_add_test(errors, trailing_bytes_are_refused);
    tcase_add_test(errors, missing_file_and_unwritable_folder_are_io_errors);
    tcase_add_test(errors, only_regular_files_are_loaded);
    tcase_add_test(errors, create_refuses_mismatched_sizes);
    tcase_add_test(errors, create_names_an_unreadable_stopword_file);
    suite_add_tcase(s, core);
    suite_add_tcase(s, edge);
    suite_add_tcase(s, errors);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    unlink(path);
    rmdir(dir);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
