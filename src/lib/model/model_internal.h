/* model_internal.h: the model file's header constants and the settings codec, shared by
 * model_save.c and model_load.c. */
#ifndef NT_MODEL_INTERNAL_H
#define NT_MODEL_INTERNAL_H

#include "model_codec.h"
#include "nmftopics/model.h"

#define NT_MODEL_MAGIC "\x89NTM\r\n\x1a\n"
#define NT_MODEL_MAGIC_SIZE 8
#define NT_MODEL_HEADER_SIZE 24

/* Longest string field the loader accepts (terms, option values). */
#define NT_MODEL_MAX_STRING 65536

/* Appends the settings section: u32 count, then per setting a string key
 * "section.name", a u8 type tag and the value. */
void nt_model_settings_write(nt_wbuf *w, const nt_model *model);

/* Reads the settings section into model (whose options hold their defaults, so a setting
 * missing from an older file keeps its default), then checks the options. */
int nt_model_settings_read(nt_rbuf *r, nt_model *model);

/* Replaces the borrowed strings of model's options (language, stop-word file) by copies
 * the model owns. Returns NT_OK or NT_ENOMEM (the strings not copied are then NULL). */
int nt_model_settings_own(nt_model *model);

/* Releases what the settings loader allocated inside model's options. */
void nt_model_settings_free(nt_model *model);

/* Allocates the arrays of a model with k topics and n terms (vocab with its string
 * tables zeroed); NULL when out of memory. */
nt_model *nt_model_allocate(size_t k, size_t n);

#endif
