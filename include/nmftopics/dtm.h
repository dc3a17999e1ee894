/* dtm.h: from a corpus to a sparse TF-IDF document-term matrix: the text options, the
 * parallel streaming pipeline (read, tokenize, stop words, stem, count), vocabulary pruning
 * and TF-IDF weighting with scikit-learn's defaults. */
#ifndef NMFTOPICS_DTM_H
#define NMFTOPICS_DTM_H

#include <stddef.h>
#include <stdint.h>

#include <cholmod.h>

#include "nmftopics/corpus.h"
#include "nmftopics/error.h"
#include "nmftopics/hooks.h"
#include "nmftopics/text.h"
#include "nmftopics/vocab.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How documents become terms. The defaults (nt_text_options_init) are chosen for topic
 * modelling; scikit-learn's TfidfVectorizer corresponds to tokenizer.pattern WORD with
 * min_length 2, max_length unbounded, stem 0, its own stop-word list, min_df count 1,
 * max_df 1.0. */
typedef struct nt_text_options {
    nt_tokenizer_options tokenizer;  /* default: letters, 3 to 40 code points */
    const char *language;            /* Snowball language of the stemmer and of the bundled
                                        stop-word list; default "english"; not owned */
    int stem;                        /* nonzero: stem tokens (default 1) */
    int bundled_stopwords;           /* nonzero: remove the bundled list of language
                                        (default 1) */
    const char *stopwords_file;      /* a further list to remove (Snowball format), or NULL
                                        (default); not owned */
    const char *const *extra_stopwords; /* further words to remove, NULL-terminated (as
                                        nt_stopwords_list gives them; a model keeps its
                                        stop-word file's words so), or NULL (default); not
                                        owned */
    nt_vocab_prune_options prune;    /* default: min_df count 2, max_df fraction 0.5, no
                                        max_terms */
    int ngram_max;                   /* 1: unigrams (default); 2: unigrams and bigrams */
    int threads;                     /* worker threads; 0 (default) = all cores */
} nt_text_options;

/* Fills opts with the defaults above. */
void nt_text_options_init(nt_text_options *opts);

/* Validates opts before any work: tokenizer bounds, df bounds (min_df above max_df names
 * both values), ngram_max in 1..2, threads >= 0, and the language: with stem set it must
 * be a libstemmer language (nt_stem_languages), with only bundled_stopwords set it must
 * have a bundled list (nt_stopwords_bundled). Does not open stopwords_file (the build
 * reports a file it cannot read). Returns NT_OK or NT_EINVAL naming option and value. */
int nt_text_options_check(const nt_text_options *opts, nt_error *err);

typedef enum nt_tfidf_norm {
    NT_NORM_L2 = 0,   /* rows scaled to unit Euclidean length (default) */
    NT_NORM_L1 = 1,   /* rows scaled to unit sum */
    NT_NORM_NONE = 2  /* rows left as weighted */
} nt_tfidf_norm;

/* Weighting, with the defaults of scikit-learn's TfidfVectorizer: entry (i, j) is
 * tf(i, j) * idf(j), then row i is normalised, where tf is the raw count (or 1 + ln(count)
 * with sublinear_tf) and idf(j) = ln((1 + n) / (1 + df(j))) + 1 over n documents (the
 * "smooth" idf), or 1 without use_idf. Rows without terms stay zero. */
typedef struct nt_tfidf_options {
    int sublinear_tf;    /* default 0 */
    int use_idf;         /* default 1 */
    nt_tfidf_norm norm;  /* default NT_NORM_L2 */
} nt_tfidf_options;

void nt_tfidf_options_init(nt_tfidf_options *opts);

/* Returns NT_OK, or NT_EINVAL when norm is not one of enum nt_tfidf_norm. */
int nt_tfidf_options_check(const nt_tfidf_options *opts, nt_error *err);

/* What the pipeline saw. */
typedef struct nt_dtm_stats {
    size_t documents;       /* documents kept: the rows of A */
    size_t skipped_binary;  /* documents left out because they hold a NUL byte */
    size_t decoded_latin1;  /* kept documents that were not valid UTF-8, read as Latin-1 */
    size_t empty_rows;      /* kept documents with no term of the vocabulary */
    uint64_t bytes;         /* bytes of the kept documents */
    uint64_t tokens;        /* tokens the tokenizer produced, stop words included */
} nt_dtm_stats;

/* A document-term matrix and everything needed to read it. */
typedef struct nt_dtm {
    cholmod_sparse *A;   /* m x n TF-IDF matrix: row i = document i, column j = term j;
                            compressed-column, int indices, real, sorted, packed */
    char **doc_names;    /* size m: the corpus names of the kept documents, in row order */
    nt_vocab *vocab;     /* n terms, in column order */
    double *idf;         /* size n: the idf weight applied to each column (all 1 when
                            use_idf was off) */
    nt_dtm_stats stats;
} nt_dtm;

/* Builds the TF-IDF matrix of corpus.
 * Documents are streamed: each is read, tokenized, stop-word filtered, stemmed and counted
 * by one of `threads` OpenMP threads (one tokenizer and one stemmer per thread), so only
 * the counts of the corpus are ever held in memory, never its text; the rows are then put
 * in document order, and the result is bit-identical whatever the number of threads.
 * - Stop words are removed before stemming, matching the case-folded token; bigrams
 *   (ngram_max 2) join consecutive remaining tokens, as scikit-learn does.
 * - Documents holding a NUL byte are skipped with one warning through hooks giving their
 *   number; they are no rows. Empty documents, and documents left without terms, are
 *   kept as empty rows: row i is the i-th kept document, named in doc_names[i].
 * - Progress: hooks' progress callback receives ("reading", documents done, total).
 * Returns NT_OK and *out (free with nt_dtm_free); NT_EINVAL for bad options (see the
 * checks) or df bounds that cross once converted to counts; NT_EIO naming a document or
 * the stop-word file that cannot be read; NT_EEMPTY when no document is left (all binary)
 * or no term survives (all documents empty or filtered away, or pruned by min_df /
 * max_df), the message saying which; NT_ENOMEM. Nothing is written anywhere. */
int nt_dtm_build(const nt_corpus *corpus, const nt_text_options *text,
                 const nt_tfidf_options *tfidf, const nt_hooks *hooks, nt_dtm **out,
                 nt_error *err);

/* Builds the matrix of new documents over an existing vocabulary (columns = vocab's
 * terms), as a fitted model transforms unseen text: the same preprocessing as
 * nt_dtm_build with text (whose prune options are ignored; ngram_max must be the one the
 * vocabulary was built with), terms not in vocab ignored, and idf (size vocab->n_terms,
 * e.g. the idf of the nt_dtm that produced vocab) applied as given, or none when NULL;
 * tfidf->use_idf is not consulted. *out holds copies of vocab and idf. An empty or
 * all-unknown document is an empty row; only a corpus without any non-binary document is
 * NT_EEMPTY. Other returns as for nt_dtm_build. */
int nt_dtm_build_with_vocab(const nt_corpus *corpus, const nt_text_options *text,
                            const nt_tfidf_options *tfidf, const nt_vocab *vocab,
                            const double *idf, const nt_hooks *hooks, nt_dtm **out,
                            nt_error *err);

/* Writes three files, each through a temporary file renamed into place:
 *   PREFIX.mtx    A in Matrix Market coordinate format (documents x terms);
 *   PREFIX.terms  one line per column: stem TAB surface TAB df (nt_vocab_write);
 *   PREFIX.docs   one document name per row (a newline or carriage return inside a name
 *                 is written as a space, so that lines and rows stay aligned).
 * On failure the files this call already wrote are removed again: all three or none.
 * Returns NT_OK or NT_EIO naming the file. */
int nt_dtm_write(const nt_dtm *dtm, const char *prefix, nt_error *err);

/* Releases dtm and everything it owns; dtm may be NULL. */
void nt_dtm_free(nt_dtm *dtm);

#ifdef __cplusplus
}
#endif
#endif
