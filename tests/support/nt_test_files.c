/* nt_test_files.c: writing the files and folders a test reads, and reading back what the
 * code under test wrote. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nt_test.h"

void nt_test_abort(const char *what, const char *path)
{
    fprintf(stderr, "nt_test: %s %s: %s\n", what, path, strerror(errno));
    abort();
}

const char *nt_test_path(const char *dir, const char *name)
{
    static char paths[8][PATH_MAX];
    static unsigned next;
    char *p = paths[next++ % 8];
    int len = snprintf(p, PATH_MAX, "%s/%s", dir ? dir : nt_test_tmpdir(), name);
    if (len < 0 || len >= PATH_MAX) {
        errno = ENAMETOOLONG;
        nt_test_abort("cannot name", name);
    }
    return p;
}

const char *nt_test_write_bytes(const char *dir, const char *name, const void *bytes,
                                size_t len)
{
    const char *path = nt_test_path(dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        nt_test_abort("cannot create", path);
    size_t wrote = fwrite(bytes, 1, len, fp);
    if (fclose(fp) != 0 || wrote != len)
        nt_test_abort("cannot write", path);
    return path;
}

const char *nt_test_write_file(const char *dir, const char *name, const char *text)
{
    return nt_test_write_bytes(dir, name, text, strlen(text));
}

char *nt_test_read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0)
        nt_test_abort("cannot open", path);
    size_t len = (size_t)st.st_size;
    char *text = malloc(len + 1);
    if (!text || fread(text, 1, len, fp) != len)
        nt_test_abort("cannot read", path);
    fclose(fp);
    text[len] = '\0';
    return text;
}

const char *nt_test_make_dir(const char *dir, const char *name)
{
    const char *path = nt_test_path(dir, name);
    if (mkdir(path, 0755) != 0)
        nt_test_abort("cannot make the folder", path);
    return path;
}
