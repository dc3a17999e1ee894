/* nt_test_page_cache.c: dropping files from the page cache, so that a test can read them
 * the way a first run on a folder does. */
#define _GNU_SOURCE /* mincore, preadv2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "nt_test.h"

int nt_test_evict_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        nt_test_abort("cannot open", path);
    struct stat st;
    if (fsync(fd) != 0 || fstat(fd, &st) != 0)
        nt_test_abort("cannot sync", path);
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    int gone = 1;
    if (st.st_size > 0) {
        size_t page = (size_t)sysconf(_SC_PAGESIZE), len = (size_t)st.st_size;
        size_t pages = (len + page - 1) / page;
        void *map = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
        unsigned char *resident = malloc(pages + 1);
        if (map == MAP_FAILED || !resident || mincore(map, len, resident) != 0)
            nt_test_abort("cannot inspect the page cache of", path);
        for (size_t p = 0; p < pages; p++)
            gone &= !(resident[p] & 1);
        free(resident);
        munmap(map, len);
    }
    close(fd);
    return gone;
}

int nt_test_evict_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        nt_test_abort("cannot list", dir);
    int gone = 1;
    for (struct dirent *e; (e = readdir(d));) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (e->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode))
            gone &= nt_test_evict_file(path);
    }
    closedir(d);
    return gone;
}

int nt_test_nowait_reads(const char *path)
{
#ifdef RWF_NOWAIT
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        nt_test_abort("cannot open", path);
    char byte;
    struct iovec one = {&byte, 1};
    int supported = preadv2(fd, &one, 1, 0, RWF_NOWAIT) >= 0 || errno == EAGAIN;
    close(fd);
    return supported;
#else
    (void)path;
    return 0;
#endif
}
