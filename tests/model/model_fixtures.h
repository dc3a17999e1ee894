/* model_fixtures.h: what the model suite's files share: a small model built by hand, the
 * model file in the scratch folder, and raw access to its bytes. */
#ifndef NT_MODEL_FIXTURES_H
#define NT_MODEL_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/model.h"
#include "nt_test.h"

/* Changes the options of a model about to be made. */
typedef void (*model_tweak)(nt_text_options *text, nt_tfidf_options *tfidf,
                            nt_nmf_options *nmf);

/* What the small model is made from: options with k = 2 adjusted by a tweak, a matrix of 3
 * documents and 5 terms ("appl" ... "élan", with their idf; the matrix has no entries, a
 * model needs only its size) and a fit of 2 topics. */
typedef struct small_inputs {
    nt_text_options text;
    nt_tfidf_options tfidf;
    nt_nmf_options nmf;
    nt_dtm dtm;          /* owns A and vocab */
    nt_nmf_result res;   /* views of static factors */
} small_inputs;

/* Fills in with the options adjusted by tweak (NULL: the defaults); release with
 * small_inputs_free. */
void small_inputs_make(small_inputs *in, model_tweak tweak);
void small_inputs_free(small_inputs *in);

/* The model nt_model_create makes from small_inputs_make(tweak); free it. */
nt_model *small_model(model_tweak tweak);

/* The tweak with every option away from its default: french, no stemming, the word token
 * pattern, no token length limit, fractional min-df 0.01 and counted max-df 3, bigrams, l1
 * norm, mu, seed 0xFEDCBA9876543210, tol 1e-7, the pgrad stop, and extra stop words
 * "Zebra", "apple", "zebra", "Élan". */
void unusual_options(nt_text_options *text, nt_tfidf_options *tfidf, nt_nmf_options *nmf);

/* Writes the scratch folder's "stop words.txt" (a comment, "comets", "Dates dates") and
 * returns its path, valid until the next call. */
const char *write_stopwords(void);

/* The scratch folder's model.ntm, where each test saves and loads. */
const char *model_file(void);

/* The bytes of the file at path, *len of them (the caller frees). */
unsigned char *read_bytes(const char *path, size_t *len);

/* Rewrites path in place with len bytes, then cuts it to len. */
void write_bytes(const char *path, const unsigned char *data, size_t len);

/* An independent bitwise CRC-32 (reflected 0xEDB88320), to check and re-seal payloads. */
uint32_t reference_crc32(const unsigned char *p, size_t n);

/* ---- the suite's other files, each adding its tests to the three test cases ---- */

void add_model_corruption_tests(const nt_test_cases *tc);  /* test_model_corrupt.c */
void add_model_transform_tests(const nt_test_cases *tc);   /* test_model_transform.c */

#endif
