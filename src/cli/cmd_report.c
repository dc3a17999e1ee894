/* cmd_report.c: `nmftopics report model.ntm`: the topics of a saved model, from the model
 * alone. */
#include <stdio.h>

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

enum { FORMAT_TEXT, FORMAT_TSV, FORMAT_JSON };

static int handle_format(void *target, const char *name, const char *value, nt_error *err)
{
    static const char *const formats[] = {"text", "tsv", "json"};
    return cli_parse_choice(name, value, formats, 3, target, err);
}

static int print(const nt_model *model, int format, const nt_report_options *opts, nt_error *err)
{
    if (format == FORMAT_TSV)
        return nt_report_write_topics_tsv(stdout, model, opts, err);
    if (format == FORMAT_JSON)
        return nt_report_write_json(stdout, model, NULL, opts, err);
    int rc = nt_report_write_text(stdout, model, NULL, opts, err);
    if (rc == NT_OK) {
        printf("\nmodel fit: ");
        cli_print_model_fit(model);
        printf("\n");
    }
    return rc;
}

int cmd_report(int argc, char **argv)
{
    cli_output_options out;
    cli_output_options_init(&out);
    int format = FORMAT_TEXT;
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
    if (rc == NT_OK)
        rc = print(model, format, &out.report, &err);
    nt_model_free(model);
    return rc == NT_OK ? NT_EXIT_OK : cli_fail(&err);
}
