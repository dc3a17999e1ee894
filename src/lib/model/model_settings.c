/* model_settings.c: the settings section of model.ntm, written and read field by field
 * as the table of model_fields.c says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_fields.h"
#include "model_internal.h"

static void write_field(nt_wbuf *w, const nt_model *model, const nt_model_field *f)
{
    const void *p = nt_model_field_cptr(model, f);
    switch (f->type) {
    case NT_FIELD_BOOL: nt_wbuf_u8(w, *(const int *)p != 0); break;
    case NT_FIELD_INT: nt_wbuf_u64(w, (uint64_t)(int64_t)*(const int *)p); break;
    case NT_FIELD_SIZE: nt_wbuf_u64(w, *(const size_t *)p); break;
    case NT_FIELD_U64: nt_wbuf_u64(w, *(const uint64_t *)p); break;
    case NT_FIELD_REAL: nt_wbuf_f64(w, *(const double *)p); break;
    case NT_FIELD_ENUM: nt_wbuf_string(w, f->names(*(const int *)p)); break;
    case NT_FIELD_DFLIMIT: {
        const nt_df_limit *d = p;
        nt_wbuf_f64(w, d->value);
        nt_wbuf_u8(w, d->is_fraction != 0);
        break;
    }
    case NT_FIELD_WORDS: nt_model_words_write(w, *(const char *const *const *)p); break;
    default: {
        const char *s = *(const char *const *)p;
        nt_wbuf_u8(w, s != NULL);
        if (s)
            nt_wbuf_string(w, s);
    }
    }
}

void nt_model_settings_write(nt_wbuf *w, const nt_model *model)
{
    nt_wbuf_u32(w, (uint32_t)nt_model_field_count);
    for (size_t x = 0; x < nt_model_field_count; x++) {
        char key[64];
        snprintf(key, sizeof key, "%s.%s", nt_model_fields[x].section, nt_model_fields[x].name);
        nt_wbuf_string(w, key);
        nt_wbuf_u8(w, (uint8_t)nt_model_fields[x].type);
        write_field(w, model, &nt_model_fields[x]);
    }
}

static int read_enum(nt_rbuf *r, const nt_model_field *f, int *out)
{
    char *name;
    int status = nt_rbuf_string(r, f->name, NT_MODEL_MAX_STRING, &name);
    if (status != NT_OK)
        return status;
    status = nt_rbuf_fail(r, f->name, "unknown value");
    for (int v = 0; f->names(v); v++)
        if (strcmp(f->names(v), name) == 0) {
            *out = v;
            status = NT_OK;
            break;
        }
    free(name);
    return status;
}

static int read_string_field(nt_rbuf *r, const nt_model_field *f, const char **out)
{
    uint8_t present;
    int status = nt_rbuf_u8(r, f->name, &present);
    if (status != NT_OK || present > 1)
        return status != NT_OK ? status : nt_rbuf_fail(r, f->name, "bad presence flag");
    free((void *)*out);
    *out = NULL;
    char *s = NULL;
    status = present ? nt_rbuf_string(r, f->name, NT_MODEL_MAX_STRING, &s) : NT_OK;
    *out = s;
    return status;
}

static int read_number_field(nt_rbuf *r, const nt_model_field *f, void *p)
{
    uint64_t u = 0;
    uint8_t b = 0;
    int status = f->type == NT_FIELD_BOOL ? nt_rbuf_u8(r, f->name, &b)
                                          : nt_rbuf_u64(r, f->name, &u);
    if (status != NT_OK)
        return status;
    int64_t i = (int64_t)u;
    switch (f->type) {
    case NT_FIELD_BOOL:
        if (b > 1)
            return nt_rbuf_fail(r, f->name, "not 0 or 1");
        *(int *)p = b;
        return NT_OK;
    case NT_FIELD_INT:
        if (i < INT32_MIN || i > INT32_MAX)
            return nt_rbuf_fail(r, f->name, "value out of range");
        *(int *)p = (int)i;
        return NT_OK;
    case NT_FIELD_SIZE:
        if (u > SIZE_MAX)
            return nt_rbuf_fail(r, f->name, "value out of range");
        *(size_t *)p = (size_t)u;
        return NT_OK;
    case NT_FIELD_U64: *(uint64_t *)p = u; return NT_OK;
    default: memcpy(p, &u, sizeof(double)); return NT_OK; /* NT_FIELD_REAL: the bits of a double */
    }
}

static int read_field(nt_rbuf *r, nt_model *model, const nt_model_field *f)
{
    void *p = nt_model_field_ptr(model, f);
    switch (f->type) {
    case NT_FIELD_ENUM: return read_enum(r, f, p);
    case NT_FIELD_STRING: return read_string_field(r, f, p);
    case NT_FIELD_WORDS: return nt_model_words_read(r, f->name, p);
    case NT_FIELD_DFLIMIT: {
        nt_df_limit *d = p;
        uint8_t frac;
        int status = nt_rbuf_f64(r, f->name, &d->value);
        if (status == NT_OK)
            status = nt_rbuf_u8(r, f->name, &frac);
        if (status == NT_OK && frac > 1)
            status = nt_rbuf_fail(r, f->name, "bad fraction flag");
        d->is_fraction = frac;
        return status;
    }
    default: return read_number_field(r, f, p);
    }
}

/* Finds the table entry for key "section.name"; NULL when unknown. */
static const nt_model_field *find_field(const char *key)
{
    for (size_t x = 0; x < nt_model_field_count; x++) {
        size_t len = strlen(nt_model_fields[x].section);
        if (strncmp(key, nt_model_fields[x].section, len) == 0 && key[len] == '.' &&
            strcmp(key + len + 1, nt_model_fields[x].name) == 0)
            return &nt_model_fields[x];
    }
    return NULL;
}

static int read_setting(nt_rbuf *r, nt_model *model, unsigned char *seen)
{
    char *key;
    uint8_t type;
    int status = nt_rbuf_string(r, "setting name", 64, &key);
    if (status != NT_OK)
        return status;
    const nt_model_field *f = find_field(key);
    free(key);
    if (!f)
        return nt_rbuf_fail(r, "setting name", "unknown setting (written by a newer nmftopics?)");
    status = nt_rbuf_u8(r, f->name, &type);
    if (status != NT_OK)
        return status;
    if (type != f->type)
        return nt_rbuf_fail(r, f->name, "wrong type");
    if (seen[f - nt_model_fields]++)
        return nt_rbuf_fail(r, f->name, "setting repeated");
    return read_field(r, model, f);
}

int nt_model_settings_read(nt_rbuf *r, nt_model *model)
{
    nt_text_options_init(&model->text);
    nt_tfidf_options_init(&model->tfidf);
    nt_nmf_options_init(&model->nmf);
    if (nt_model_settings_own(model) != NT_OK)
        return nt_error_set(r->err, NT_ENOMEM, "out of memory reading %s", r->path);
    uint32_t count;
    int status = nt_rbuf_u32(r, "setting count", &count);
    if (status == NT_OK && count > nt_model_field_count)
        status = nt_rbuf_fail(r, "setting count", "more settings than this nmftopics knows");
    unsigned char seen[NT_MODEL_FIELD_MAX] = {0};
    for (uint32_t x = 0; status == NT_OK && x < count; x++)
        status = read_setting(r, model, seen);
    return status;
}

