/* cmd_report.c: `nmftopics report model.ntm`: the topics of a saved model, from the model
 * alone. */
#include <stdio.h>
#include <string.h>

#include "cli_args.h"
#include "cli_main.h"
#include "cli_output_options.h"
#include "nmftopics/model.h"
#include "nmftopics/report.h"

static const cli_command_spec spec = {
    "report", "MODEL.ntm [options]",
    "Prints the topics of a model saved by 'nmftopics fit -o': for each topic its share of\n"
    "the training corpus and its top terms with their weights, then one summary line of\n"
    "the fit. Documents are not stored in a model; 'nmftopics transform' gives their\n"
    "topics. --format tsv prints topics.tsv, --format json report.json without documents.",
    1, 1};

static const cli_option format_options[] = {
    {"format", 0, "FORMAT", "text, tsv (as topics.tsv) or json (as report.json) "
                            "(default: text)"},
};

static int handle_format(void *target, const char *name, const char *value, nt_error *err)
{
    static const char *const formats[] = {"text", "tsv", "json"};
    return cli_parse_choice(name, value, formats, 3, target, err);
}

static void print_summary(const nt_model *m)
{
    nt_setting algorithm;
    for (size_t x = 0; x < nt_model_setting_count(); x++) {
        nt_model_setting_get(m, x, &algorithm);
        if (strcmp(algorithm.section, "nmf") == 0 && strcmp(algorithm.name, "algorithm") == 0)
            break;
    }
    printf("\nmodel: k = %zu, %zu terms, fitted on %zu documents (%zu nonzeros) with %s, "
           "relative error %.4f, %d iteration%s%s\n",
           m->k, m->n, m->fit.documents, m->fit.nonzeros, algorithm.text, m->fit.rel_error,
           m->fit.iterations, m->fit.iterations == 1 ? "" : "s",
           m->fit.converged ? "" : " (not converged)");
}

int cmd_report(int argc, char **argv)
{
    cli_output_options out;
    cli_output_options_init(&out);
    int format = 0;
    cli_option_group groups[2] = {
        cli_output_option_group(&out, CLI_OUTPUT_TERMS),
        {"Format options", format_options, 1, handle_format, &format}};
    const char *pos[1];
    size_t npos;
    int parsed = cli_parse(&spec, groups, 2, argc, argv, pos, &npos);
    if (parsed == CLI_HELP_SHOWN)
        return NT_EXIT_OK;
    if (parsed != CLI_PARSED)
        return NT_EXIT_USAGE;
    nt_error err;
    nt_error_clear(&err);
    nt_model *model = NULL;
    int rc = nt_model_load(pos[0], &model, &err);
    if (rc == NT_OK && format == 0)
        rc = nt_report_write_text(stdout, model, NULL, &out.report, &err);
    else if (rc == NT_OK && format == 1)
        rc = nt_report_write_topics_tsv(stdout, model, &out.report, &err);
    else if (rc == NT_OK)
        rc = nt_report_write_json(stdout, model, NULL, &out.report, &err);
    if (rc == NT_OK && format == 0)
        print_summary(model);
    nt_model_free(model);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}
