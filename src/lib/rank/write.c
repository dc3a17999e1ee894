/* write.c: the survey table as aligned text, TSV and JSON. */
#include "nmftopics/rank.h"

#include <math.h>

#include "common/json_write.h"
#include "common/number.h"

static const char *const basis_names[] = {"cross-validation", "cophenetic", "parsimony"};

static int finish(FILE *fp, nt_error *err)
{
    return ferror(fp) ? nt_error_set(err, NT_EIO, "writing the rank table failed") : NT_OK;
}

static int chosen(const nt_rank_choice *choice, size_t q)
{
    return choice && choice->row == q;
}

/* A figure in a text column of width w, "-" when undefined. */
static void text_cell(FILE *fp, double v, int w, int decimals)
{
    if (isfinite(v))
        fprintf(fp, " %*.*f", w, decimals, v);
    else
        fprintf(fp, " %*s", w, "-");
}

int nt_rank_write_text(FILE *fp, const nt_rank_table *t, const nt_rank_choice *choice,
                       nt_error *err)
{
    fprintf(fp, "%zu documents x %zu terms; %d run%s per k, consensus over %zu documents; "
                "cross-validation on %zu held-out nonzeros (%g%%) and %zu zeros\n\n",
            t->documents, t->terms, t->runs, t->runs == 1 ? "" : "s", t->consensus_docs,
            t->heldout_nonzeros, 100.0 * t->holdout, t->heldout_zeros);
    fprintf(fp, "     k  rel_error  cv_error  cophenetic  dispersion     npmi  diversity\n");
    for (size_t q = 0; q < t->nk; q++) {
        const nt_rank_row *r = &t->rows[q];
        fprintf(fp, "%s %4zu", chosen(choice, q) ? "*" : " ", r->k);
        text_cell(fp, r->rel_error, 10, 4);
        text_cell(fp, r->cv_error, 9, 4);
        text_cell(fp, r->cophenetic, 11, 4);
        text_cell(fp, r->dispersion, 11, 4);
        text_cell(fp, r->npmi, 8, 4);
        text_cell(fp, r->diversity, 10, 3);
        fputc('\n', fp);
    }
    if (choice)
        fprintf(fp, "\nrecommended: k = %zu (%s). %s\n", choice->k, basis_names[choice->basis],
                choice->reason);
    return finish(fp, err);
}

static void tsv_cell(FILE *fp, double v)
{
    char buf[NT_NUMBER_MAX];
    if (isfinite(v)) {
        nt_number_shortest(buf, v);
        fprintf(fp, "\t%s", buf);
    } else {
        fputs("\tNA", fp);
    }
}

int nt_rank_write_tsv(FILE *fp, const nt_rank_table *t, const nt_rank_choice *choice,
                      nt_error *err)
{
    fputs("k\trel_error\tcv_error\tcophenetic\tdispersion\tnpmi\tdiversity\tunconverged\t"
          "seconds\trecommended\n", fp);
    for (size_t q = 0; q < t->nk; q++) {
        const nt_rank_row *r = &t->rows[q];
        fprintf(fp, "%zu", r->k);
        tsv_cell(fp, r->rel_error);
        tsv_cell(fp, r->cv_error);
        tsv_cell(fp, r->cophenetic);
        tsv_cell(fp, r->dispersion);
        tsv_cell(fp, r->npmi);
        tsv_cell(fp, r->diversity);
        fprintf(fp, "\t%d", r->unconverged);
        tsv_cell(fp, r->seconds);
        fprintf(fp, "\t%d\n", chosen(choice, q));
    }
    return finish(fp, err);
}

static void json_row(FILE *fp, const nt_rank_row *r)
{
    fprintf(fp, "    {\"k\": %zu, ", r->k);
    nt_json_field(fp, "rel_error", r->rel_error, ", ");
    nt_json_field(fp, "cv_error", r->cv_error, ", ");
    nt_json_field(fp, "cophenetic", r->cophenetic, ", ");
    nt_json_field(fp, "dispersion", r->dispersion, ", ");
    nt_json_field(fp, "npmi", r->npmi, ", ");
    nt_json_field(fp, "diversity", r->diversity, ", ");
    fprintf(fp, "\"unconverged\": %d, ", r->unconverged);
    nt_json_field(fp, "seconds", r->seconds, "}");
}

int nt_rank_write_json(FILE *fp, const nt_rank_table *t, const nt_rank_choice *choice,
                       nt_error *err)
{
    fprintf(fp, "{\n  \"documents\": %zu,\n  \"terms\": %zu,\n  \"runs\": %d,\n"
                "  \"consensus_documents\": %zu,\n  \"holdout\": ",
            t->documents, t->terms, t->runs, t->consensus_docs);
    nt_json_number(fp, t->holdout);
    fprintf(fp, ",\n  \"heldout_nonzeros\": %zu,\n  \"heldout_zeros\": %zu,\n  \"rows\": [\n",
            t->heldout_nonzeros, t->heldout_zeros);
    for (size_t q = 0; q < t->nk; q++) {
        json_row(fp, &t->rows[q]);
        fputs(q + 1 < t->nk ? ",\n" : "\n", fp);
    }
    fputs("  ]", fp);
    if (choice) {
        fprintf(fp, ",\n  \"recommendation\": {\"k\": %zu, \"basis\": ", choice->k);
        nt_json_string(fp, basis_names[choice->basis]);
        fputs(", \"reason\": ", fp);
        nt_json_string(fp, choice->reason);
        fputc('}', fp);
    }
    fputs("\n}\n", fp);
    return finish(fp, err);
}
