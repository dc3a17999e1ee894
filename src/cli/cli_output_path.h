/* cli_output_path.h: the checks of an output name made before any work: -o not empty, and
 * a folder to write into that exists and can be written. */
#ifndef NT_CLI_OUTPUT_PATH_H
#define NT_CLI_OUTPUT_PATH_H

#include "nmftopics/error.h"

/* Kinds of output name. */
enum {
    CLI_OUTPUT_PATH_FOLDER = 0, /* -o OUTDIR: a folder */
    CLI_OUTPUT_PATH_PREFIX = 1  /* -o PREFIX: the start of file names, PREFIX.ext */
};

/* Option handler part for -o: sets *out to value, or fills err (naming --option) when value
 * is empty, or, for a PREFIX, ends in '/' and so names no file. */
int cli_parse_output(const char *option, const char *value, int kind, const char **out,
                     nt_error *err);

/* NULL when dir is an existing folder this process may create files in, else the reason in
 * words ("No such file or directory", "not a folder", "Permission denied"); the text is
 * static or strerror's. */
const char *cli_folder_problem(const char *dir);

/* Before any work, for -o PREFIX: the folder PREFIX's files go into must exist and be
 * writable. Otherwise prints "nmftopics: COMMAND: ..." naming the folder and returns
 * NT_EXIT_RUNTIME; returns 0 when writing can go ahead. */
int cli_output_prefix_check(const char *prefix, const char *command);

#endif
