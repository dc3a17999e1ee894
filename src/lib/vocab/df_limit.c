/* df_limit.c: document-frequency bounds written as counts or fractions, and their checks. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/number.h"
#include "nmftopics/vocab.h"

int nt_df_limit_parse(const char *text, nt_df_limit *out, nt_error *err)
{
    char *end;
    errno = 0;
    double v = nt_number_parse(text, &end);
    int fraction = strpbrk(text, ".eE") != NULL;
    if (errno != 0 || end == text || *end != '\0' || !isfinite(v))
        return nt_error_set(err, NT_EINVAL, "'%s' is not a number", text);
    if (fraction && (v < 0.0 || v > 1.0))
        return nt_error_set(err, NT_EINVAL,
                            "'%s' is not a fraction from 0.0 to 1.0 (write a whole number for a "
                            "count of documents)", text);
    if (!fraction && v < 1.0)
        return nt_error_set(err, NT_EINVAL,
                            "'%s' is not a document count of at least 1 (write a number with a "
                            "decimal point for a fraction)", text);
    out->value = v;
    out->is_fraction = fraction;
    return NT_OK;
}

void nt_df_limit_format(nt_df_limit limit, char *buf, size_t size)
{
    if (!limit.is_fraction) {
        snprintf(buf, size, "%.0f", limit.value);
        return;
    }
    char number[NT_NUMBER_MAX];
    nt_number_g(number, 15, limit.value); /* '.' under any locale, so the text parses back */
    snprintf(buf, size, "%s%s", number, strpbrk(number, ".e") ? "" : ".0");
}

double nt_df_limit_documents(nt_df_limit limit, size_t n_docs)
{
    return limit.is_fraction ? limit.value * (double)n_docs : limit.value;
}

void nt_vocab_prune_options_init(nt_vocab_prune_options *opts)
{
    opts->min_df = (nt_df_limit){1.0, 0};
    opts->max_df = (nt_df_limit){1.0, 1};
    opts->max_terms = 0;
}

/* Checks one bound's range; name is "min_df" or "max_df". */
static int check_limit(const char *name, nt_df_limit limit, nt_error *err)
{
    char text[64];
    nt_df_limit_format(limit, text, sizeof text);
    if (limit.is_fraction && !(limit.value >= 0.0 && limit.value <= 1.0))
        return nt_error_set(err, NT_EINVAL, "%s %s is not a fraction from 0.0 to 1.0", name, text);
    if (!limit.is_fraction && !(limit.value >= 1.0 && limit.value == floor(limit.value)))
        return nt_error_set(err, NT_EINVAL, "%s %s is not a whole document count >= 1", name,
                            text);
    return NT_OK;
}

int nt_vocab_prune_options_check(const nt_vocab_prune_options *opts, nt_error *err)
{
    int rc = check_limit("min_df", opts->min_df, err);
    if (rc == NT_OK)
        rc = check_limit("max_df", opts->max_df, err);
    if (rc == NT_OK && opts->min_df.is_fraction == opts->max_df.is_fraction &&
        opts->min_df.value > opts->max_df.value) {
        char lo[64], hi[64];
        nt_df_limit_format(opts->min_df, lo, sizeof lo);
        nt_df_limit_format(opts->max_df, hi, sizeof hi);
        rc = nt_error_set(err, NT_EINVAL, "min_df %s is above max_df %s: no term could be kept",
                          lo, hi);
    }
    return rc;
}
