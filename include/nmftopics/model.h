/* model.h: a fitted topic model (preprocessing options, vocabulary, idf, H) and its
 * portable binary file, model.ntm. */
#ifndef NMFTOPICS_MODEL_H
#define NMFTOPICS_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/dtm.h"
#include "nmftopics/error.h"
#include "nmftopics/nmf.h"
#include "nmftopics/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the model file format this library writes and reads. */
#define NT_MODEL_FORMAT_VERSION 2

/* What fitting achieved, kept for reports. */
typedef struct nt_model_fit {
    size_t documents;       /* rows of the training matrix */
    size_t nonzeros;        /* stored entries of the training matrix */
    int iterations;         /* outer iterations of the kept run */
    double objective;       /* final objective of the kept run */
    double rel_error;       /* ||A - WH||_F / ||A||_F */
    int converged;          /* the stopping rule was met */
    int best_run;           /* 0-based index of the kept run */
    double seconds;         /* wall-clock time of the factorisation */
} nt_model_fit;

/* Everything needed to turn new documents into topic weights the way the training corpus
 * was: the same tokenising and weighting (text, tfidf), the same columns (vocab, idf) and
 * the same topics (h). The model owns vocab, idf and h. */
typedef struct nt_model {
    nt_text_options text;    /* preprocessing of the training run, complete in itself:
                                language points to a copy the model owns; stopwords_file
                                is NULL and extra_stopwords (owned, NULL for none) holds
                                the words of the run's stop-word file and extra list,
                                normalised, sorted and distinct */
    nt_tfidf_options tfidf;  /* weighting of the training run */
    nt_nmf_options nmf;      /* factorisation options (init_w, init_h, holdout NULL) */
    nt_model_fit fit;
    size_t k;                /* topics */
    size_t n;                /* terms, = vocab->n_terms */
    nt_vocab *vocab;         /* n terms: stems, surface forms, df */
    double *idf;             /* size n */
    double *share;           /* size k: topic t's share of the training corpus, the sum of
                                column t of W over the sum of W */
    double *h;               /* size k*n, factor-major: topic t's weights at h[t*n .. t*n+n-1] */
} nt_model;

/* Builds a model from the pieces of a fit, copying everything: the options (language
 * copied; custom initial factors and thread counts are not kept), the extra stop words
 * (the words of text->stopwords_file, read again here, and of text->extra_stopwords, kept
 * as words so that the file is not needed afterwards), the vocabulary and idf of dtm, H of
 * result, and each topic's share of the training corpus (column sum of result's W over its
 * total). nmf->k must equal result->k, and the result's sizes those of dtm. Returns NT_OK
 * and *out (free with nt_model_free), NT_EINVAL when the sizes disagree, the errors of
 * nt_stopwords_add_file when the stop-word file cannot be read, NT_ENOMEM. */
int nt_model_create(const nt_text_options *text, const nt_tfidf_options *tfidf,
                    const nt_nmf_options *nmf, const nt_dtm *dtm, const nt_nmf_result *result,
                    nt_model **out, nt_error *err);

/* Releases a model and everything it owns; model may be NULL. */
void nt_model_free(nt_model *model);

/* Writes the model to path (conventionally NAME.ntm) through a temporary file renamed
 * into place. File layout, all integers little-endian:
 *   bytes 0-7    magic "\x89NTM\r\n\x1a\n" (the \r\n and \x1a catch text-mode mangling)
 *   bytes 8-11   u32 format version (NT_MODEL_FORMAT_VERSION)
 *   bytes 12-15  u32 CRC-32 (IEEE 802.3) of the payload
 *   bytes 16-23  u64 payload length in bytes
 *   bytes 24-    payload: settings, fit summary, vocabulary, idf, topic shares, H
 *                (src/lib/model/model_save.c lists the fields).
 * Returns NT_OK, NT_EIO naming path, NT_ENOMEM. */
int nt_model_save(const nt_model *model, const char *path, nt_error *err);

/* Reads a model written by nt_model_save. Checks the magic number, the version, the
 * payload length against the file size, the checksum, and then every length and value
 * while decoding (sizes, sorted distinct stems, finite non-negative H, positive idf,
 * valid options). Returns NT_OK and *out (free with nt_model_free); NT_EIO naming path
 * when it cannot be read; NT_EFORMAT naming path and what is wrong (not a model file,
 * a version this build cannot read, truncated, checksum mismatch, a bad field and its
 * byte offset); NT_ENOMEM. */
int nt_model_load(const char *path, nt_model **out, nt_error *err);

/* Topic weights of new documents with the model's topics fixed: builds their TF-IDF
 * matrix with the model's preprocessing, vocabulary and idf (nt_dtm_build_with_vocab),
 * then projects each row onto H by non-negative least squares (nt_nmf_project, with the
 * model's l1_w / l2_w). threads: 0 = all cores. On success *dtm holds the matrix and the
 * document names (free with nt_dtm_free) and *w the weights (size m*k, factor-major,
 * free with free()). A document sharing no term with the model gets all-zero weights.
 * Errors as for nt_dtm_build_with_vocab and nt_nmf_project. */
int nt_model_transform(const nt_model *model, const nt_corpus *corpus, int threads,
                       const nt_hooks *hooks, nt_dtm **dtm, double **w, nt_error *err);

/* ---- The model's options as name/value pairs, for reports ----------------------------- */

typedef enum nt_setting_kind {
    NT_SETTING_BOOL = 0,
    NT_SETTING_INTEGER = 1,
    NT_SETTING_REAL = 2,
    NT_SETTING_TEXT = 3,
    NT_SETTING_WORDS = 4
} nt_setting_kind;

/* One option of a model. */
typedef struct nt_setting {
    const char *section;  /* "text", "tfidf" or "nmf" */
    const char *name;     /* as the command-line option, e.g. "min-df" */
    int kind;             /* enum nt_setting_kind: which of the values below is set */
    int flag;             /* NT_SETTING_BOOL */
    long long integer;    /* NT_SETTING_INTEGER */
    double real;          /* NT_SETTING_REAL */
    const char *text;     /* NT_SETTING_TEXT: points into buf, the model or a constant;
                             NULL for an optional value not set */
    const char *const *words; /* NT_SETTING_WORDS: a NULL-terminated list owned by the
                             model, or NULL for an empty one (the extra stop words) */
    char buf[32];
} nt_setting;

/* Number of settings a model records (the same for every model). */
size_t nt_model_setting_count(void);

/* Fills *out with setting index (< nt_model_setting_count()) of model, in a fixed order
 * grouped by section. out->text stays valid while model and out live. */
void nt_model_setting_get(const nt_model *model, size_t index, nt_setting *out);

#ifdef __cplusplus
}
#endif
#endif
