/* cli_args.c: a small table-driven parser for "--name value", "--name=value" and "-k value". */
#include "cli_args.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_main.h"

static const cli_option *find_long(const cli_option_group *groups, size_t ngroups, const char *name,
                                   size_t name_len, const cli_option_group **group)
{
    for (size_t g = 0; g < ngroups; g++)
        for (size_t i = 0; i < groups[g].count; i++) {
            const char *candidate = groups[g].options[i].name;
            if (strlen(candidate) == name_len && strncmp(candidate, name, name_len) == 0) {
                *group = &groups[g];
                return &groups[g].options[i];
            }
        }
    return NULL;
}

static const cli_option *find_short(const cli_option_group *groups, size_t ngroups, char letter,
                                    const cli_option_group **group)
{
    for (size_t g = 0; g < ngroups; g++)
        for (size_t i = 0; i < groups[g].count; i++)
            if (groups[g].options[i].short_name == letter) {
                *group = &groups[g];
                return &groups[g].options[i];
            }
    return NULL;
}

static int is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* Resolves one option argument at argv[*i]; advances *i past its value. */
static int parse_option(const cli_command_spec *spec, const cli_option_group *groups, size_t ngroups,
                        int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const cli_option_group *group = NULL;
    const cli_option *opt;
    const char *inline_value = NULL;
    if (arg[1] == '-') {
        const char *name = arg + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        inline_value = eq ? eq + 1 : NULL;
        opt = find_long(groups, ngroups, name, len, &group);
    } else {
        opt = arg[2] == '\0' ? find_short(groups, ngroups, arg[1], &group) : NULL;
    }
    if (!opt) {
        cli_error("%s: unknown option '%s' (see 'nmftopics %s --help')", spec->name, arg, spec->name);
        return -1;
    }
    const char *value = NULL;
    if (opt->metavar) {
        if (inline_value) {
            value = inline_value;
        } else if (*i + 1 < argc) {
            value = argv[++*i];
        } else {
            cli_error("%s: option --%s needs a value %s", spec->name, opt->name, opt->metavar);
            return -1;
        }
    } else if (inline_value) {
        cli_error("%s: option --%s takes no value", spec->name, opt->name);
        return -1;
    }
    nt_error err;
    nt_error_clear(&err);
    if (group->handle(group->target, opt->name, value, &err) != 0) {
        cli_error("%s: %s", spec->name, err.message);
        return -1;
    }
    return 0;
}

int cli_parse(const cli_command_spec *spec, const cli_option_group *groups, size_t ngroups,
              int argc, char **argv, const char **positionals, size_t *npositionals)
{
    *npositionals = 0;
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && is_help(arg)) {
            cli_print_help(stdout, spec, groups, ngroups);
            return CLI_HELP_SHOWN;
        }
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = 1;
        } else if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            if (parse_option(spec, groups, ngroups, argc, argv, &i) != 0)
                return CLI_USAGE_ERROR;
        } else if (*npositionals < spec->max_positionals) {
            positionals[(*npositionals)++] = arg;
        } else {
            cli_error("%s: unexpected argument '%s' (usage: nmftopics %s %s)", spec->name, arg,
                      spec->name, spec->usage);
            return CLI_USAGE_ERROR;
        }
    }
    if (*npositionals < spec->min_positionals) {
        cli_error("%s: missing argument (usage: nmftopics %s %s)", spec->name, spec->name, spec->usage);
        return CLI_USAGE_ERROR;
    }
    return CLI_PARSED;
}

void cli_print_help(FILE *out, const cli_command_spec *spec, const cli_option_group *groups,
                    size_t ngroups)
{
    fprintf(out, "Usage: nmftopics %s %s\n\n%s\n", spec->name, spec->usage, spec->summary);
    for (size_t g = 0; g < ngroups; g++) {
        fprintf(out, "\n%s:\n", groups[g].title);
        for (size_t i = 0; i < groups[g].count; i++) {
            const cli_option *o = &groups[g].options[i];
            char left[64];
            snprintf(left, sizeof left, "%c%c%s--%s%s%s", o->short_name ? '-' : ' ',
                     o->short_name ? o->short_name : ' ', o->short_name ? ", " : "  ", o->name,
                     o->metavar ? " " : "", o->metavar ? o->metavar : "");
            fprintf(out, "  %-28s %s\n", left, o->help);
        }
    }
    fprintf(out, "\n  -h, --help                   show this help and exit\n");
}

int cli_parse_long(const char *option, const char *value, long min, long max, long *out, nt_error *err)
{
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (errno != 0 || end == value || isspace((unsigned char)value[0]) || *end != '\0' || v < min || v > max)
        return nt_error_set(err, NT_EINVAL, "--%s: '%s' is not a whole number from %ld to %ld",
                            option, value, min, max);
    *out = v;
    return 0;
}

int cli_parse_double(const char *option, const char *value, double min, double max, double *out,
                     nt_error *err)
{
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (errno != 0 || end == value || isspace((unsigned char)value[0]) || *end != '\0' || !isfinite(v) || v < min || v > max)
        return nt_error_set(err, NT_EINVAL, "--%s: '%s' is not a number from %g to %g", option,
                            value, min, max);
    *out = v;
    return 0;
}

int cli_parse_choice(const char *option, const char *value, const char *const *choices, size_t n,
                     int *out, nt_error *err)
{
    char list[256] = "";
    for (size_t i = 0; i < n; i++) {
        if (strcmp(value, choices[i]) == 0) {
            *out = (int)i;
            return 0;
        }
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, choices[i], sizeof list - strlen(list) - 1);
    }
    return nt_error_set(err, NT_EINVAL, "--%s: unknown value '%s' (choose one of: %s)", option, value,
                        list);
}
