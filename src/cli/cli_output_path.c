/* cli_output_path.c: output names checked before any work, so that a run never does its
 * work only to find it cannot write the result. */
#define _POSIX_C_SOURCE 200809L
#include "cli_output_path.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_main.h"

int cli_parse_output(const char *option, const char *value, int kind, const char **out,
                     nt_error *err)
{
    const char *what = kind == CLI_OUTPUT_PATH_PREFIX ? "a file name prefix" : "a folder";
    size_t len = strlen(value);
    if (len == 0)
        return nt_error_set(err, NT_EINVAL, "--%s: the value is empty; give %s", option, what);
    if (kind == CLI_OUTPUT_PATH_PREFIX && value[len - 1] == '/')
        return nt_error_set(err, NT_EINVAL, "--%s: '%s' ends in '/' and so names no file; "
                                            "give %s such as '%srun'", option, value, what,
                            value);
    *out = value;
    return 0;
}

const char *cli_folder_problem(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return strerror(errno);
    if (!S_ISDIR(st.st_mode))
        return "not a folder";
    /* Creating a file needs write and search permission on the folder. */
    return access(dir, W_OK | X_OK) == 0 ? NULL : strerror(errno);
}

int cli_output_prefix_check(const char *prefix, const char *command)
{
    char *copy = strdup(prefix);
    if (!copy) {
        cli_error("%s: out of memory", command);
        return NT_EXIT_RUNTIME;
    }
    const char *dir = dirname(copy);
    const char *why = cli_folder_problem(dir);
    if (why)
        cli_error("%s: cannot write -o %s: folder '%s': %s", command, prefix, dir, why);
    free(copy);
    return why ? NT_EXIT_RUNTIME : 0;
}
