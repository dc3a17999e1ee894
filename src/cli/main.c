/* main.c: the nmftopics program: dispatches to one subcommand per verb. */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_commands.h"
#include "cli_main.h"
#include "nmftopics/output.h"

typedef struct command {
    const char *name;
    cli_command_fn run;
    const char *summary;
} command;

static const command commands[] = {
#define NT_COMMAND(name, fn, summary) {name, fn, summary},
#include "cli_commands.def"
#undef NT_COMMAND
    {NULL, NULL, NULL}};

static void print_usage(FILE *out)
{
    fprintf(out, "Usage: nmftopics COMMAND [options]\n\n"
                 "Topic modeling with non-negative matrix factorisation.\n\nCommands:\n");
    for (size_t i = 0; commands[i].name; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n  --help       show this help\n  --version    show the version\n\n"
                 "'nmftopics COMMAND --help' lists the options of one command and their defaults.\n"
                 "Exit status: 0 success, 1 runtime error, 2 usage error.\n");
}

/* An interrupted run removes its temporary output files before dying. */
static void on_signal(int sig)
{
    nt_output_remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return NT_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_usage(stdout);
        return NT_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("nmftopics %s\n", NT_VERSION_STRING);
        return NT_EXIT_OK;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    for (size_t i = 0; commands[i].name; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            int code = commands[i].run(argc - 1, argv + 1);
            cli_progress_finish();
            return code;
        }
    cli_error("unknown command '%s' (see 'nmftopics --help')", argv[1]);
    return NT_EXIT_USAGE;
}
