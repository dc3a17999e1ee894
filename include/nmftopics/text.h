/* text.h: turning a document's bytes into normalised tokens (decoding, NFKC, case folding,
 * splitting), the only part of nmftopics that calls utf8proc. */
#ifndef NMFTOPICS_TEXT_H
#define NMFTOPICS_TEXT_H

#include <stddef.h>

#include "nmftopics/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which characters make up a token. Tokens are maximal runs of such characters, taken
 * after normalisation (see nt_tokenizer_run); everything else separates tokens.
 * Character classes are Unicode general categories as utf8proc reports them. */
typedef enum nt_token_pattern {
    /* Letters (L*). A combining mark (M*) that follows a letter of the token belongs to
     * it, so decomposed accents and Indic vowel signs stay inside their word. Digits,
     * '_' and all punctuation separate tokens. */
    NT_TOKENS_LETTERS = 0,
    /* Letters and numbers (L*, N*), marks inside a token as for LETTERS; '_' separates. */
    NT_TOKENS_ALNUM = 1,
    /* scikit-learn's default token_pattern (?u)\b\w\w+\b with Python's \w: letters (L*),
     * numbers (N*) and '_'. As in Python, combining marks are NOT word characters: they
     * split tokens (after NFKC most Latin, Greek and Cyrillic accents are precomposed
     * letters, but Indic vowel signs are not). Meant for parity with TfidfVectorizer,
     * with min_length 2; parity is exact on ASCII text (scikit-learn lowercases with
     * str.lower() and does not apply NFKC, so results differ on some non-ASCII text). */
    NT_TOKENS_WORD = 2
} nt_token_pattern;

typedef struct nt_tokenizer_options {
    nt_token_pattern pattern; /* default NT_TOKENS_LETTERS */
    size_t min_length;        /* shortest token kept, in code points; default 2, >= 1 */
    size_t max_length;        /* longest token kept, in code points; default 40; longer
                                 tokens are dropped, never truncated */
} nt_tokenizer_options;

/* Fills opts with the defaults above. */
void nt_tokenizer_options_init(nt_tokenizer_options *opts);

/* Returns NT_OK, or NT_EINVAL naming the option when the pattern is unknown,
 * min_length is 0 or min_length > max_length. */
int nt_tokenizer_options_check(const nt_tokenizer_options *opts, nt_error *err);

/* A tokenizer holds scratch buffers reused from document to document, so that steady-state
 * tokenizing allocates nothing. Not thread-safe: create one per thread. */
typedef struct nt_tokenizer nt_tokenizer;

/* Checks opts and creates a tokenizer with a copy of them. Returns NT_OK and *out,
 * NT_EINVAL (bad options) or NT_ENOMEM. */
int nt_tokenizer_create(const nt_tokenizer_options *opts, nt_tokenizer **out, nt_error *err);

/* Releases tok; tok may be NULL. */
void nt_tokenizer_free(nt_tokenizer *tok);

/* Bytes that can be read from the start of every token, however short: a receiver may
 * copy or compare tokens in fixed-size blocks. */
#define NT_TOKEN_READABLE 32

/* Receives one token: len bytes of UTF-8 followed by a NUL (token[len] == '\0'), valid
 * only during the call; the bytes up to token + NT_TOKEN_READABLE can be read too (past
 * the NUL their values are unspecified). A non-zero return stops tokenizing;
 * nt_tokenizer_run returns it. */
typedef int (*nt_token_fn)(void *user, const char *token, size_t len);

/* Splits one document into tokens and hands each, in order, to emit.
 * 1. Decoding: bytes are UTF-8. If the document holds any invalid UTF-8 sequence, the
 *    whole document is decoded as Latin-1 (ISO 8859-1) instead and, when decoded_latin1
 *    is not NULL, *decoded_latin1 is set to 1 (else 0). No document is ever rejected.
 *    A NUL byte is treated as a separator (the corpus reports such documents as binary).
 * 2. Normalisation: Unicode NFKC with full case folding, default-ignorable characters
 *    (soft hyphen, zero-width joiners...) removed, via utf8proc (STABLE, COMPAT, COMPOSE,
 *    CASEFOLD, IGNORE); only the zero-width space U+200B, a word boundary, becomes a
 *    space. So "Café" and "cafe\u0301" give "café", full-width "ＡＢＣ" gives
 *    "abc", "ﬁ" gives "fi", Greek final sigma folds to σ, "Straße" gives "strasse".
 *    Runs of pure ASCII are lowercased directly (identical result, no utf8proc call).
 * 3. Splitting by the pattern, then dropping tokens shorter than min_length or longer
 *    than max_length code points.
 * Scripts written without spaces (Chinese, Japanese, Thai...) have no separators inside
 * a sentence: a whole run of letters is one token, and such runs are usually longer than
 * max_length and dropped. nmftopics does not segment words in these scripts.
 * Returns NT_OK, emit's non-zero return value, or NT_ENOMEM. */
int nt_tokenizer_run(nt_tokenizer *tok, const char *bytes, size_t len, nt_token_fn emit,
                     void *user, int *decoded_latin1, nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
