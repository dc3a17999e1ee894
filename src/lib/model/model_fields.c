/* model_fields.c: the table of the model's options, listing them for reports, and who owns
 * their strings. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "model_fields.h"
#include "model_internal.h"

#define FIELD(section, name, type, member) \
    {section, name, type, offsetof(nt_model, member), NULL}
#define ENUM_FIELD(section, name, member, namer) \
    {section, name, NT_FIELD_ENUM, offsetof(nt_model, member), namer}

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
const nt_model_field nt_model_fields[] = {
    ENUM_FIELD("text", "token-pattern", text.tokenizer.pattern, token_pattern_name),
    FIELD("text", "min-token-len", NT_FIELD_SIZE, text.tokenizer.min_length),
    FIELD("text", "max-token-len", NT_FIELD_SIZE, text.tokenizer.max_length),
    FIELD("text", "language", NT_FIELD_STRING, text.language),
    FIELD("text", "stem", NT_FIELD_BOOL, text.stem),
    FIELD("text", "bundled-stopwords", NT_FIELD_BOOL, text.bundled_stopwords),
    FIELD("text", "stopwords", NT_FIELD_WORDS, text.extra_stopwords),
    FIELD("text", "min-df", NT_FIELD_DFLIMIT, text.prune.min_df),
    FIELD("text", "max-df", NT_FIELD_DFLIMIT, text.prune.max_df),
    FIELD("text", "max-terms", NT_FIELD_SIZE, text.prune.max_terms),
    FIELD("text", "ngram-max", NT_FIELD_INT, text.ngram_max),
    FIELD("tfidf", "sublinear-tf", NT_FIELD_BOOL, tfidf.sublinear_tf),
    FIELD("tfidf", "use-idf", NT_FIELD_BOOL, tfidf.use_idf),
    ENUM_FIELD("tfidf", "norm", tfidf.norm, norm_name),
    ENUM_FIELD("nmf", "algorithm", nmf.algorithm, nt_nmf_algorithm_name),
    ENUM_FIELD("nmf", "init", nmf.init, nt_nmf_init_name),
    FIELD("nmf", "seed", NT_FIELD_U64, nmf.seed),
    FIELD("nmf", "runs", NT_FIELD_INT, nmf.runs),
    FIELD("nmf", "max-iter", NT_FIELD_INT, nmf.max_iter),
    FIELD("nmf", "tol", NT_FIELD_REAL, nmf.tol),
    ENUM_FIELD("nmf", "stop", nmf.stop, stop_rule_name),
    FIELD("nmf", "max-time", NT_FIELD_REAL, nmf.max_time),
    FIELD("nmf", "l1-w", NT_FIELD_REAL, nmf.l1_w),
    FIELD("nmf", "l1-h", NT_FIELD_REAL, nmf.l1_h),
    FIELD("nmf", "l2-w", NT_FIELD_REAL, nmf.l2_w),
    FIELD("nmf", "l2-h", NT_FIELD_REAL, nmf.l2_h),
    FIELD("nmf", "snmf-beta", NT_FIELD_REAL, nmf.snmf_beta),
    FIELD("nmf", "snmf-eta", NT_FIELD_REAL, nmf.snmf_eta),
    ENUM_FIELD("nmf", "missing", nmf.missing, missing_name),
};

const size_t nt_model_field_count = sizeof nt_model_fields / sizeof nt_model_fields[0];

_Static_assert(sizeof nt_model_fields / sizeof nt_model_fields[0] <= NT_MODEL_FIELD_MAX,
               "NT_MODEL_FIELD_MAX is too small for the table");

void *nt_model_field_ptr(nt_model *model, const nt_model_field *f)
{
    return (char *)model + f->offset;
}

const void *nt_model_field_cptr(const nt_model *model, const nt_model_field *f)
{
    return (const char *)model + f->offset;
}

size_t nt_model_setting_count(void)
{
    return nt_model_field_count;
}

void nt_model_setting_get(const nt_model *model, size_t index, nt_setting *out)
{
    const nt_model_field *f = &nt_model_fields[index];
    const void *p = nt_model_field_cptr(model, f);
    memset(out, 0, sizeof *out);
    out->section = f->section;
    out->name = f->name;
    out->kind = NT_SETTING_TEXT;
    switch (f->type) {
    case NT_FIELD_BOOL: out->kind = NT_SETTING_BOOL; out->flag = *(const int *)p != 0; break;
    case NT_FIELD_INT: out->kind = NT_SETTING_INTEGER; out->integer = *(const int *)p; break;
    case NT_FIELD_SIZE: /* SIZE_MAX means "no limit", which the options write as 0 */
        out->kind = NT_SETTING_INTEGER;
        out->integer = *(const size_t *)p == SIZE_MAX ? 0 : (long long)*(const size_t *)p;
        break;
    case NT_FIELD_U64:
        out->kind = NT_SETTING_INTEGER;
        out->integer = (long long)*(const uint64_t *)p;
        break;
    case NT_FIELD_REAL: out->kind = NT_SETTING_REAL; out->real = *(const double *)p; break;
    case NT_FIELD_ENUM: out->text = f->names(*(const int *)p); break;
    case NT_FIELD_DFLIMIT:
        nt_df_limit_format(*(const nt_df_limit *)p, out->buf, sizeof out->buf);
        out->text = out->buf;
        break;
    case NT_FIELD_WORDS:
        out->kind = NT_SETTING_WORDS;
        out->words = *(const char *const *const *)p;
        break;
    default: out->text = *(const char *const *)p; break; /* NULL: not set */
    }
}

int nt_model_settings_own(nt_model *model)
{
    int status = NT_OK;
    for (size_t x = 0; x < nt_model_field_count; x++)
        if (nt_model_fields[x].type == NT_FIELD_STRING) {
            const char **s = nt_model_field_ptr(model, &nt_model_fields[x]);
            const char *borrowed = *s;
            *s = NULL;
            if (borrowed && status == NT_OK && !(*s = strdup(borrowed)))
                status = NT_ENOMEM;
        } else if (nt_model_fields[x].type == NT_FIELD_WORDS) {
            const char *const **words = nt_model_field_ptr(model, &nt_model_fields[x]);
            if (status == NT_OK)
                status = nt_model_words_own(words);
            else
                *words = NULL;
        }
    return status;
}

void nt_model_settings_free(nt_model *model)
{
    for (size_t x = 0; x < nt_model_field_count; x++)
        if (nt_model_fields[x].type == NT_FIELD_STRING) {
            const char **s = nt_model_field_ptr(model, &nt_model_fields[x]);
            free((void *)*s);
            *s = NULL;
        } else if (nt_model_fields[x].type == NT_FIELD_WORDS) {
            const char *const **words = nt_model_field_ptr(model, &nt_model_fields[x]);
            free((void *)*words);
            *words = NULL;
        }
}
