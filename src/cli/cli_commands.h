/* cli_commands.h: the entry point of every subcommand, declared from cli_commands.def. */
#ifndef NT_CLI_COMMANDS_H
#define NT_CLI_COMMANDS_H

#define NT_COMMAND(name, fn, summary) int fn(int argc, char **argv);
#include "cli_commands.def"
#undef NT_COMMAND

#endif
