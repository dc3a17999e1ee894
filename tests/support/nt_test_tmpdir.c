/* nt_test_tmpdir.c: the test program's scratch folder; counting and removing what a folder
 * holds. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nt_test.h"

static char tmpdir[PATH_MAX];  /* empty until made */
static int sealed;

const char *nt_test_tmpdir(void)
{
    if (tmpdir[0] != '\0')
        return tmpdir;
    if (sealed) {
        fputs("nt_test: nt_test_tmpdir() first called inside a test; call it in main\n", stderr);
        abort();
    }
    const char *base = getenv("TMPDIR");
    int len = snprintf(tmpdir, sizeof tmpdir, "%s/nt_test_XXXXXX",
                       base && base[0] ? base : "/tmp");
    if (len < 0 || (size_t)len >= sizeof tmpdir || !mkdtemp(tmpdir))
        nt_test_abort("cannot make the scratch folder", tmpdir);
    return tmpdir;
}

void nt_test_tmpdir_seal(void)
{
    sealed = 1;
}

int nt_test_tmpdir_remove(void)
{
    if (tmpdir[0] == '\0')
        return 0;
    if (nt_test_remove_tree(tmpdir) != 0) {
        fprintf(stderr, "nt_test: could not remove %s\n", tmpdir);
        return -1;
    }
    tmpdir[0] = '\0';
    return 0;
}

int nt_test_count_entries(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        nt_test_abort("cannot open the folder", path);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Removes the entries of the open folder d at path. */
static int remove_entries(DIR *d, const char *path)
{
    int rc = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char child[PATH_MAX];
        int len = snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        if (len < 0 || (size_t)len >= sizeof child || nt_test_remove_tree(child) != 0)
            rc = -1;
    }
    return rc;
}

int nt_test_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path) == 0 ? 0 : -1;
    /* A test may have taken the permissions away to exercise unreadable folders. */
    if ((st.st_mode & S_IRWXU) != S_IRWXU && chmod(path, st.st_mode | S_IRWXU) != 0)
        return -1;
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = remove_entries(d, path);
    closedir(d);
    return rmdir(path) == 0 ? rc : -1;
}
