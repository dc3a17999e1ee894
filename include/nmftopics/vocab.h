/* vocab.h: the vocabulary of a corpus (stems and bigrams, document frequencies, surface
 * forms): built by hashing, pruned by document frequency, and kept in sorted order. */
#ifndef NMFTOPICS_VOCAB_H
#define NMFTOPICS_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A finished vocabulary: term j is column j of every matrix built with it.
 * Terms are sorted byte-wise (strcmp) by their key, the order of scikit-learn's
 * get_feature_names_out(), so a key can be found by binary search (nt_vocab_find).
 * A term's key is a stem, or "stem1 stem2" (one space) for a bigram. */
typedef struct nt_vocab {
    size_t n_terms;
    char **stems;     /* size n_terms: the keys, sorted, distinct, NUL-terminated */
    char **surfaces;  /* size n_terms: the most frequent surface form of each key (the
                         case-folded token before stemming; for a bigram, the surfaces of
                         its two stems joined by a space) */
    int64_t *df;      /* size n_terms: documents containing the term */
    int64_t *counts;  /* size n_terms: occurrences of the term in the corpus */
    char *text;       /* NULL, or one block holding every stem and surface (built and
                         copied vocabularies: one allocation, not two per term); owned */
} nt_vocab;

/* A vocabulary of n_terms zeroed terms, whose strings the caller sets one allocation each
 * (text stays NULL), or NULL when out of memory. */
nt_vocab *nt_vocab_alloc(size_t n_terms);

/* Releases a vocabulary and everything it points to; v may be NULL. */
void nt_vocab_free(nt_vocab *v);

/* Returns a deep copy of v, its strings in one block (text), or NULL when out of memory. */
nt_vocab *nt_vocab_copy(const nt_vocab *v);

/* Returns the column of the term whose key is the len bytes at key, or -1. O(log n). */
long nt_vocab_find(const nt_vocab *v, const char *key, size_t len);

/* Writes v as text, one line per term in column order: key TAB surface TAB df, through a
 * temporary file renamed into place. Returns NT_OK or NT_EIO naming path. */
int nt_vocab_write(const nt_vocab *v, const char *path, nt_error *err);

/* Reads a file written by nt_vocab_write into *out (free with nt_vocab_free). Corpus
 * counts are not in the file and read as 0. Returns NT_OK, NT_EIO naming path,
 * NT_EFORMAT naming path and line when a line is malformed or the keys are not sorted and
 * distinct, NT_EEMPTY for a file without terms, NT_ENOMEM. */
int nt_vocab_read(const char *path, nt_vocab **out, nt_error *err);

/* A document-frequency bound, with scikit-learn's meaning of min_df / max_df: either a
 * number of documents or a fraction of the documents. The fraction is multiplied by the
 * number of documents in double precision and compared without rounding, as scikit-learn
 * does: min_df = 0.25 of 10 documents keeps terms in at least 2.5, i.e. 3, documents. */
typedef struct nt_df_limit {
    double value;     /* a whole count >= 1, or a fraction in [0, 1] */
    int is_fraction;  /* nonzero: value is a fraction of the documents */
} nt_df_limit;

/* Parses a bound written as in scikit-learn: a whole number ("2") is a count, a number
 * with a decimal point or an exponent ("0.95", "1.0", "1e-3") is a fraction. So "1" keeps
 * terms in at most (or at least) one document while "1.0" means every document, exactly
 * scikit-learn's max_df=1 versus max_df=1.0. Counts must be >= 1 and fractions in [0, 1];
 * otherwise NT_EINVAL with a message quoting text. */
int nt_df_limit_parse(const char *text, nt_df_limit *out, nt_error *err);

/* Formats a bound as nt_df_limit_parse reads it ("2", "0.95", "1.0") into buf. */
void nt_df_limit_format(nt_df_limit limit, char *buf, size_t size);

/* The bound as a number of documents in a corpus of n_docs: a count as it is, a fraction
 * times n_docs (not rounded). */
double nt_df_limit_documents(nt_df_limit limit, size_t n_docs);

/* Which terms a vocabulary keeps. */
typedef struct nt_vocab_prune_options {
    nt_df_limit min_df;  /* keep terms in >= min_df documents (default: count 1) */
    nt_df_limit max_df;  /* keep terms in <= max_df documents (default: fraction 1.0) */
    size_t max_terms;    /* then keep the max_terms with the largest corpus counts, ties
                            going to the smaller key (byte-wise); 0 = no limit (default) */
} nt_vocab_prune_options;

/* Sets the defaults above, which prune nothing (scikit-learn's defaults). */
void nt_vocab_prune_options_init(nt_vocab_prune_options *opts);

/* Checks each bound's range and, when both bounds are of the same kind, that min_df does
 * not exceed max_df. Returns NT_OK or NT_EINVAL naming the option(s) and value(s). */
int nt_vocab_prune_options_check(const nt_vocab_prune_options *opts, nt_error *err);

/* Accumulates terms, surface forms and per-document counts, then produces an nt_vocab.
 * Not thread-safe: one thread feeds it (the dtm pipeline merges worker results into it in
 * document order). Term ids are dense (0, 1, ...) in order of first addition. */
typedef struct nt_vocab_builder nt_vocab_builder;

/* Returns an empty builder, or NULL when out of memory. */
nt_vocab_builder *nt_vocab_builder_create(void);

/* Releases a builder; b may be NULL. */
void nt_vocab_builder_free(nt_vocab_builder *b);

/* Number of terms (unigrams and bigrams) added so far. */
size_t nt_vocab_builder_count(const nt_vocab_builder *b);

/* Returns the id of the unigram term with key stem (len bytes, no NUL or space inside),
 * adding it when new; or NT_ENOMEM. */
int nt_vocab_builder_add_stem(nt_vocab_builder *b, const char *stem, size_t len);

/* Returns the id of the bigram "first second" of two unigram term ids, adding it when
 * new; or NT_EINVAL when an id is not a unigram, NT_ENOMEM. */
int nt_vocab_builder_add_bigram(nt_vocab_builder *b, int first, int second);

/* Offers surface (len bytes: the case-folded token before stemming) as a surface form of
 * unigram term id, met count times in the corpus. A term keeps its most frequent offer,
 * ties going to the byte-wise smaller surface, so each distinct surface of a term is to
 * be offered once, with its total count (the dtm pipeline sums over threads first).
 * Returns NT_OK, NT_EINVAL when id is not a unigram, NT_ENOMEM. */
int nt_vocab_builder_offer_surface(nt_vocab_builder *b, int id, const char *surface,
                                   size_t len, int64_t count);

/* Records one document holding the distinct terms terms[0..n) (size n) counts[k] times
 * each: df of each grows by one and its corpus count by counts[k]. */
void nt_vocab_builder_add_document(nt_vocab_builder *b, const int *terms, const int *counts,
                                   size_t n);

/* Prunes the terms added so far with opts for a corpus of n_docs documents and returns the
 * survivors, sorted by key, as *out. *old_to_new (size nt_vocab_builder_count(b), freed by
 * the caller with free) gives each term id's column in *out, or -1 when pruned. A
 * unigram's surface is its best offered surface; one without offers uses its key. The
 * builder is left unchanged.
 * Returns NT_OK; NT_EINVAL naming both bounds when max_df is below min_df once converted
 * to document counts; NT_EEMPTY when no term is left, saying how many there were and
 * which bounds removed them; NT_ENOMEM. */
int nt_vocab_builder_finish(const nt_vocab_builder *b, const nt_vocab_prune_options *opts,
                            size_t n_docs, nt_vocab **out, int **old_to_new, nt_error *err);

/* Maps each term id of b to its column in an existing vocabulary v (by key), or -1 when v
 * does not hold it: how new documents are projected onto a fitted vocabulary.
 * *old_to_new has size nt_vocab_builder_count(b) and is freed with free. Returns NT_OK or
 * NT_ENOMEM. */
int nt_vocab_builder_map(const nt_vocab_builder *b, const nt_vocab *v, int **old_to_new,
                         nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
