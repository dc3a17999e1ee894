/* evaluate.h: judging a saved model on a corpus: coherence and diversity of its topics,
 * and, given known labels of the documents, the agreement of their dominant topics with
 * them; the labels file reader. */
#ifndef NMFTOPICS_EVALUATE_H
#define NMFTOPICS_EVALUATE_H

#include <stddef.h>
#include <stdio.h>

#include "nmftopics/dtm.h"
#include "nmftopics/error.h"
#include "nmftopics/metrics.h"
#include "nmftopics/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Labels ----------------------------------------------------------------------------- */

/* The labels of a corpus's documents, read from a tab-separated file. */
typedef struct nt_labels {
    size_t m;               /* documents of the corpus */
    int *label;             /* class of document i, or -1 when the file gives none; size m */
    char **classes;         /* class names in order of first appearance; size nclasses */
    size_t nclasses;
    size_t labelled;        /* documents with a label */
    size_t unknown;         /* lines whose name is no document of the corpus */
    char *first_unknown;    /* the first such name, or NULL */
    int header;             /* the first line was taken as a header */
} nt_labels;

/* Reads path, one document per line: NAME<TAB>...: the label is field `column` (from 1;
 * field 1 is the name, so column >= 2), further fields are ignored. NAME is the document's
 * name as the corpus gives it (nt_corpus_name: its path below the folder). The first line
 * is a header when its name is no document. Blank lines are skipped; a trailing '\r' is
 * dropped. Names that are no document are counted (unknown, first_unknown), not errors.
 * Returns NT_OK and *out (free with nt_labels_free); NT_EIO naming path when it cannot be
 * read; NT_EFORMAT naming path and line for a line without field `column`, an empty label,
 * or a document labelled twice (naming both lines); NT_EEMPTY when no document of the
 * corpus is labelled (naming the first unknown name); NT_EINVAL for column < 2. */
int nt_labels_read(const char *path, size_t column, const char *const *names, size_t m,
                   nt_labels **out, nt_error *err);

void nt_labels_free(nt_labels *labels);

/* ---- Evaluation ------------------------------------------------------------------------- */

typedef struct nt_evaluation {
    size_t documents;         /* documents evaluated (rows of the matrix) */
    size_t topics;            /* k */
    int top_terms;            /* top terms per topic scored by coherence */
    int diversity_terms;      /* top terms per topic of the diversity (25, or all n) */
    nt_coherence *coherence;  /* per-topic NPMI and UMass over the documents */
    double diversity;
    size_t *topic_documents;  /* documents whose dominant topic is t; size topics */
    size_t zero_documents;    /* documents sharing no term with the model: all-zero weights,
                                 no dominant topic, left out of the agreement */
    int has_labels;           /* labels were given: the fields below are set */
    nt_agreement agreement;   /* purity, entropy, NMI of the dominant topics */
    size_t unlabelled;        /* documents the labels file does not name */
    size_t unknown_names;     /* names in the labels file that are no document */
} nt_evaluation;

/* Evaluates model on the documents of dtm (built over the model's vocabulary, as
 * nt_model_transform does) with topic weights w (dtm's rows x k, factor-major):
 * - coherence (nt_coherence_compute) of each topic's top_terms best terms of H over the
 *   co-occurrence of terms in these documents, and diversity of the top 25;
 * - each document's dominant topic (largest weight; none for all-zero weights);
 * - with labels (may be NULL; labels->m must equal the documents), purity, entropy and NMI
 *   of the dominant topics over the labelled documents that have one.
 * top_terms >= 2 (at most n are used). Returns NT_OK and *out (free with
 * nt_evaluation_free); NT_EINVAL for mismatched sizes or top_terms < 2; NT_EEMPTY when no
 * labelled document has a dominant topic; NT_ENOMEM. */
int nt_evaluation_compute(const nt_model *model, const nt_dtm *dtm, const double *w,
                          const nt_labels *labels, int top_terms, nt_evaluation **out,
                          nt_error *err);

void nt_evaluation_free(nt_evaluation *evaluation);

/* A per-topic table (documents, NPMI, UMass), the means and diversity, then the agreement
 * when there are labels. Returns NT_OK or NT_EIO. */
int nt_evaluation_write_text(FILE *fp, const nt_evaluation *evaluation, nt_error *err);

/* The same as a JSON object: documents, topics, top_terms, npmi_mean, umass_mean,
 * diversity, zero_documents, "per_topic" (one object per topic) and, with labels, "labels"
 * {purity, entropy, nmi, compared, classes, unlabelled, unknown_names}: compared counts the
 * labelled documents with a dominant topic. */
int nt_evaluation_write_json(FILE *fp, const nt_evaluation *evaluation, nt_error *err);

#ifdef __cplusplus
}
#endif
#endif
