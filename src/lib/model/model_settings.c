/* model_settings.c: one table of the model's options drives how they are saved, loaded and
 * listed in reports, so the three can never disagree. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

/* How a field is stored in nt_model and in the file. */
enum field_type {
    F_BOOL,     /* int used as a flag; file: u8 */
    F_INT,      /* int; file: u64 (two's complement) */
    F_SIZE,     /* size_t; file: u64 */
    F_U64,      /* uint64_t; file: u64 */
    F_REAL,     /* double; file: f64 */
    F_ENUM,     /* int with names; file: string (names outlive renumbering) */
    F_DFLIMIT,  /* nt_df_limit; file: f64 value, u8 is_fraction */
    F_STRING,   /* char * owned by the model, NULL allowed; file: u8 present, string */
    F_WORDS     /* NULL-terminated char ** owned by the model (one allocation, see
                   nt_model_words_pack), NULL for none; file: u64 count, then the strings,
                   sorted and distinct */
};

typedef const char *(*enum_namer)(int value);

typedef struct field_def {
    const char *section;
    const char *name;
    int type;           /* enum field_type */
    size_t offset;      /* within nt_model */
    enum_namer names;   /* F_ENUM only: value -> name, NULL past the last */
} field_def;

#define FIELD(section, name, type, member) {section, name, type, offsetof(nt_model, member), NULL}
#define ENUM_FIELD(section, name, member, namer) \
    {section, name, F_ENUM, offsetof(nt_model, member), namer}

static const char *stop_rule_name(int v)
{
    return v == NT_NMF_STOP_OBJECTIVE ? "objective" : v == NT_NMF_STOP_PGRAD ? "pgrad" : NULL;
}

static const char *missing_name(int v)
{
    return v == NT_NMF_MISSING_ZERO ? "zero" : v == NT_NMF_MISSING_ABSENT ? "absent" : NULL;
}

static const char *token_pattern_name(int v)
{
    static const char *const names[] = {"letters", "alnum", "word"};
    return v >= 0 && v < 3 ? names[v] : NULL;
}

static const char *norm_name(int v)
{
    static const char *const names[] = {"l2", "l1", "none"};
    return v >= 0 && v < 3 ? names[v] : NULL;
}

/* Thread counts are left out on purpose: they belong to the machine, not the model. */
static const field_def fields[] = {
    ENUM_FIELD("text", "token-pattern", text.tokenizer.pattern, token_pattern_name),
    FIELD("text", "min-token-len", F_SIZE, text.tokenizer.min_length),
    FIELD("text", "max-token-len", F_SIZE, text.tokenizer.max_length),
    FIELD("text", "language", F_STRING, text.language),
    FIELD("text", "stem", F_BOOL, text.stem),
    FIELD("text", "bundled-stopwords", F_BOOL, text.bundled_stopwords),
    FIELD("text", "stopwords", F_WORDS, text.extra_stopwords),
    FIELD("text", "min-df", F_DFLIMIT, text.prune.min_df),
    FIELD("text", "max-df", F_DFLIMIT, text.prune.max_df),
    FIELD("text", "max-terms", F_SIZE, text.prune.max_terms),
    FIELD("text", "ngram-max", F_INT, text.ngram_max),
    FIELD("tfidf", "sublinear-tf", F_BOOL, tfidf.sublinear_tf),
    FIELD("tfidf", "use-idf", F_BOOL, tfidf.use_idf),
    ENUM_FIELD("tfidf", "norm", tfidf.norm, norm_name),
    ENUM_FIELD("nmf", "algorithm", nmf.algorithm, nt_nmf_algorithm_name),
    ENUM_FIELD("nmf", "init", nmf.init, nt_nmf_init_name),
    FIELD("nmf", "seed", F_U64, nmf.seed),
    FIELD("nmf", "runs", F_INT, nmf.runs),
    FIELD("nmf", "max-iter", F_INT, nmf.max_iter),
    FIELD("nmf", "tol", F_REAL, nmf.tol),
    ENUM_FIELD("nmf", "stop", nmf.stop, stop_rule_name),
    FIELD("nmf", "max-time", F_REAL, nmf.max_time),
    FIELD("nmf", "l1-w", F_REAL, nmf.l1_w),
    FIELD("nmf", "l1-h", F_REAL, nmf.l1_h),
    FIELD("nmf", "l2-w", F_REAL, nmf.l2_w),
    FIELD("nmf", "l2-h", F_REAL, nmf.l2_h),
    FIELD("nmf", "snmf-beta", F_REAL, nmf.snmf_beta),
    FIELD("nmf", "snmf-eta", F_REAL, nmf.snmf_eta),
    ENUM_FIELD("nmf", "missing", nmf.missing, missing_name),
};

#define FIELD_COUNT (sizeof fields / sizeof fields[0])

static void *field_ptr(nt_model *model, const field_def *f)
{
    return (char *)model + f->offset;
}

static const void *field_cptr(const nt_model *model, const field_def *f)
{
    return (const char *)model + f->offset;
}

size_t nt_model_setting_count(void)
{
    return FIELD_COUNT;
}

void nt_model_setting_get(const nt_model *model, size_t index, nt_setting *out)
{
    const field_def *f = &fields[index];
    const void *p = field_cptr(model, f);
    memset(out, 0, sizeof *out);
    out->section = f->section;
    out->name = f->name;
    out->kind = NT_SETTING_TEXT;
    switch (f->type) {
    case F_BOOL: out->kind = NT_SETTING_BOOL; out->flag = *(const int *)p != 0; break;
    case F_INT: out->kind = NT_SETTING_INTEGER; out->integer = *(const int *)p; break;
    case F_SIZE: /* SIZE_MAX means "no limit", which the options write as 0 */
        out->kind = NT_SETTING_INTEGER;
        out->integer = *(const size_t *)p == SIZE_MAX ? 0 : (long long)*(const size_t *)p;
        break;
    case F_U64: out->kind = NT_SETTING_INTEGER; out->integer = (long long)*(const uint64_t *)p; break;
    case F_REAL: out->kind = NT_SETTING_REAL; out->real = *(const double *)p; break;
    case F_ENUM: out->text = f->names(*(const int *)p); break;
    case F_DFLIMIT:
        nt_df_limit_format(*(const nt_df_limit *)p, out->buf, sizeof out->buf);
        out->text = out->buf;
        break;
    case F_WORDS: out->kind = NT_SETTING_WORDS; out->words = *(const char *const *const *)p; break;
    default: out->text = *(const char *const *)p; break; /* NULL: not set */
    }
}

static void write_field(nt_wbuf *w, const nt_model *model, const field_def *f)
{
    const void *p = field_cptr(model, f);
    switch (f->type) {
    case F_BOOL: nt_wbuf_u8(w, *(const int *)p != 0); break;
    case F_INT: nt_wbuf_u64(w, (uint64_t)(int64_t)*(const int *)p); break;
    case F_SIZE: nt_wbuf_u64(w, *(const size_t *)p); break;
    case F_U64: nt_wbuf_u64(w, *(const uint64_t *)p); break;
    case F_REAL: nt_wbuf_f64(w, *(const double *)p); break;
    case F_ENUM: nt_wbuf_string(w, f->names(*(const int *)p)); break;
    case F_DFLIMIT: {
        const nt_df_limit *d = p;
        nt_wbuf_f64(w, d->value);
        nt_wbuf_u8(w, d->is_fraction != 0);
        break;
    }
    case F_WORDS: nt_model_words_write(w, *(const char *const *const *)p); break;
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
    nt_wbuf_u32(w, (uint32_t)FIELD_COUNT);
    for (size_t x = 0; x < FIELD_COUNT; x++) {
        char key[64];
        snprintf(key, sizeof key, "%s.%s", fields[x].section, fields[x].name);
        nt_wbuf_string(w, key);
        nt_wbuf_u8(w, (uint8_t)fields[x].type);
        write_field(w, model, &fields[x]);
    }
}

static int read_enum(nt_rbuf *r, const field_def *f, int *out)
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

static int read_string_field(nt_rbuf *r, const field_def *f, const char **out)
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

static int read_number_field(nt_rbuf *r, const field_def *f, void *p)
{
    uint64_t u = 0;
    uint8_t b = 0;
    int status = f->type == F_BOOL ? nt_rbuf_u8(r, f->name, &b) : nt_rbuf_u64(r, f->name, &u);
    if (status != NT_OK)
        return status;
    int64_t i = (int64_t)u;
    switch (f->type) {
    case F_BOOL:
        if (b > 1)
            return nt_rbuf_fail(r, f->name, "not 0 or 1");
        *(int *)p = b;
        return NT_OK;
    case F_INT:
        if (i < INT32_MIN || i > INT32_MAX)
            return nt_rbuf_fail(r, f->name, "value out of range");
        *(int *)p = (int)i;
        return NT_OK;
    case F_SIZE:
        if (u > SIZE_MAX)
            return nt_rbuf_fail(r, f->name, "value out of range");
        *(size_t *)p = (size_t)u;
        return NT_OK;
    case F_U64: *(uint64_t *)p = u; return NT_OK;
    default: memcpy(p, &u, sizeof(double)); return NT_OK; /* F_REAL: the bits of a double */
    }
}

static int read_field(nt_rbuf *r, nt_model *model, const field_def *f)
{
    void *p = field_ptr(model, f);
    switch (f->type) {
    case F_ENUM: return read_enum(r, f, p);
    case F_STRING: return read_string_field(r, f, p);
    case F_WORDS: return nt_model_words_read(r, f->name, p);
    case F_DFLIMIT: {
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
static const field_def *find_field(const char *key)
{
    for (size_t x = 0; x < FIELD_COUNT; x++) {
        size_t len = strlen(fields[x].section);
        if (strncmp(key, fields[x].section, len) == 0 && key[len] == '.' &&
            strcmp(key + len + 1, fields[x].name) == 0)
            return &fields[x];
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
    const field_def *f = find_field(key);
    free(key);
    if (!f)
        return nt_rbuf_fail(r, "setting name", "unknown setting (written by a newer nmftopics?)");
    status = nt_rbuf_u8(r, f->name, &type);
    if (status != NT_OK)
        return status;
    if (type != f->type)
        return nt_rbuf_fail(r, f->name, "wrong type");
    if (seen[f - fields]++)
        return nt_rbuf_fail(r, f->name, "setting repeated");
    return read_field(r, model, f);
}

int nt_model_settings_own(nt_model *model)
{
    int status = NT_OK;
    for (size_t x = 0; x < FIELD_COUNT; x++)
        if (fields[x].type == F_STRING) {
            const char **s = field_ptr(model, &fields[x]);
            const char *borrowed = *s;
            *s = NULL;
            if (borrowed && status == NT_OK && !(*s = strdup(borrowed)))
                status = NT_ENOMEM;
        } else if (fields[x].type == F_WORDS) {
            const char *const **words = field_ptr(model, &fields[x]);
            if (status == NT_OK)
                status = nt_model_words_own(words);
            else
                *words = NULL;
        }
    return status;
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
    if (status == NT_OK && count > FIELD_COUNT)
        status = nt_rbuf_fail(r, "setting count", "more settings than this nmftopics knows");
    unsigned char seen[FIELD_COUNT] = {0};
    for (uint32_t x = 0; status == NT_OK && x < count; x++)
        status = read_setting(r, model, seen);
    return status;
}

void nt_model_settings_free(nt_model *model)
{
    for (size_t x = 0; x < FIELD_COUNT; x++)
        if (fields[x].type == F_STRING) {
            const char **s = field_ptr(model, &fields[x]);
            free((void *)*s);
            *s = NULL;
        } else if (fields[x].type == F_WORDS) {
            const char *const **words = field_ptr(model, &fields[x]);
            free((void *)*words);
            *words = NULL;
        }
}
