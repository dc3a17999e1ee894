/* model_fields.h: the one table of the model's options that saving, loading and listing
 * them in reports all follow, so the three can never disagree (internal to src/lib/model). */
#ifndef NT_MODEL_FIELDS_H
#define NT_MODEL_FIELDS_H

#include <stddef.h>

#include "nmftopics/model.h"

/* How a field is stored in nt_model and in the file; the values are the type tags of the
 * file, so they never change. */
enum nt_model_field_type {
    NT_FIELD_BOOL,     /* int used as a flag; file: u8 */
    NT_FIELD_INT,      /* int; file: u64 (two's complement) */
    NT_FIELD_SIZE,     /* size_t; file: u64 */
    NT_FIELD_U64,      /* uint64_t; file: u64 */
    NT_FIELD_REAL,     /* double; file: f64 */
    NT_FIELD_ENUM,     /* int with names; file: string (names outlive renumbering) */
    NT_FIELD_DFLIMIT,  /* nt_df_limit; file: f64 value, u8 is_fraction */
    NT_FIELD_STRING,   /* char * owned by the model, NULL allowed; file: u8 present, string */
    NT_FIELD_WORDS     /* NULL-terminated char ** owned by the model (one allocation, see
                          model_stopwords.c), NULL for none; file: u64 count, then the
                          strings, sorted and distinct */
};

typedef struct nt_model_field {
    const char *section;
    const char *name;
    int type;                       /* enum nt_model_field_type */
    size_t offset;                  /* within nt_model */
    const char *(*names)(int value); /* NT_FIELD_ENUM only: value -> name, NULL past the last */
} nt_model_field;

/* Room for the table's fields (a loader keeps one flag per field). */
#define NT_MODEL_FIELD_MAX 64

extern const nt_model_field nt_model_fields[];  /* size nt_model_field_count */
extern const size_t nt_model_field_count;

/* Where field f of model is stored. */
void *nt_model_field_ptr(nt_model *model, const nt_model_field *f);
const void *nt_model_field_cptr(const nt_model *model, const nt_model_field *f);

#endif
