/* model_internal.h: what the files of src/lib/model share: the file's header constants,
 * the settings section, word lists and the model's allocation. */
#ifndef NT_MODEL_INTERNAL_H
#define NT_MODEL_INTERNAL_H

#include "model_codec.h"
#include "nmftopics/model.h"

#define NT_MODEL_MAGIC "\x89NTM\r\n\x1a\n"
#define NT_MODEL_MAGIC_SIZE 8
#define NT_MODEL_HEADER_SIZE 24

/* Longest string field the loader accepts (terms, option values). */
#define NT_MODEL_MAX_STRING 65536

/* ---- the settings section (model_settings.c; the table is model_fields.h's) ---- */

/* Appends the settings section: u32 count, then per setting a string key
 * "section.name", a u8 type tag and the value. */
void nt_model_settings_write(nt_wbuf *w, const nt_model *model);

/* Sets model's options to their defaults (so a setting missing from an older file keeps
 * its default), then reads the settings section into them. */
int nt_model_settings_read(nt_rbuf *r, nt_model *model);

/* ---- ownership of the options' strings (model_fields.c) ---- */

/* Replaces the borrowed strings of model's options (language, extra stop words) by copies
 * the model owns. Returns NT_OK or NT_ENOMEM (the strings not copied are then NULL). */
int nt_model_settings_own(nt_model *model);

/* Releases the strings model's options own (after nt_model_settings_own or
 * nt_model_settings_read) and sets them to NULL. */
void nt_model_settings_free(nt_model *model);

/* The extra stop words of a training run: the words of text->stopwords_file and of
 * text->extra_stopwords, normalised, sorted and distinct (nt_stopwords_list), or NULL when
 * there are none. Errors as nt_stopwords_add_file, nt_stopwords_add. */
int nt_model_stopwords_collect(const nt_text_options *text, char ***out, nt_error *err);

/* Replaces a borrowed word list by a packed copy (NULL for an empty one); NT_ENOMEM. */
int nt_model_words_own(const char *const **words);

/* A word list in the file: u64 count, then each word as a string. */
void nt_model_words_write(nt_wbuf *w, const char *const *words);

/* Reads a word list written by nt_model_words_write into *out (replacing and freeing what
 * it held; NULL for none), checking each word is non-empty and the list sorted and
 * distinct; field names it in messages. */
int nt_model_words_read(nt_rbuf *r, const char *field, const char *const **out);

/* Allocates the arrays of a model with k topics around vocab, which it takes over (and
 * frees on failure; NULL stands for a vocabulary that could not be made); NULL when out of
 * memory. */
nt_model *nt_model_allocate(size_t k, nt_vocab *vocab);

#endif
