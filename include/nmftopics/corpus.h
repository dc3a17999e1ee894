/* corpus.h: the ordered list of documents of a run, and reading each document's bytes. */
#ifndef NMFTOPICS_CORPUS_H
#define NMFTOPICS_CORPUS_H

#include <stddef.h>

#include "nmftopics/error.h"
#include "nmftopics/hooks.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Returned (positive, not an error) by nt_corpus_read when a document's bytes contain a NUL
 * byte: the document is taken to be binary, and the caller skips and counts it. */
#define NT_CORPUS_BINARY 1

/* An immutable, ordered list of documents: document i is row i of every matrix built
 * from it. Once opened, any number of threads may call the const functions below at once. */
typedef struct nt_corpus nt_corpus;

/* What opening a corpus found and left out; every count is also reported through the
 * hooks' log callback (one warning per skipped entry, except hidden ones). */
typedef struct nt_corpus_stats {
    size_t documents;           /* documents kept, = nt_corpus_count() */
    size_t skipped_hidden;      /* files and folders whose name starts with '.' (not logged) */
    size_t skipped_unreadable;  /* entries that could not be stat'ed, opened or listed,
                                   including dangling symbolic links */
    size_t skipped_special;     /* entries that are neither files nor folders (FIFOs,
                                   sockets, devices): reading them could block */
    size_t skipped_repeated;    /* folders reached a second time through a symbolic link
                                   (symbolic link loops end here) */
} nt_corpus_stats;

/* A growable byte buffer that nt_corpus_read fills and reuses. Zero-initialise it before
 * its first use ({0}) and release it with nt_buffer_free. */
typedef struct nt_buffer {
    char *data;  /* the bytes, followed by a NUL, size cap */
    size_t len;  /* bytes of content, excluding the NUL */
    size_t cap;  /* bytes allocated */
    int waited;  /* set by nt_corpus_read when the document was not all in the page cache, so
                    that reading it waited for the disk; where a file system cannot say
                    (Linux's RWF_NOWAIT reads: ext4, xfs, btrfs say; tmpfs, overlayfs and
                    other systems do not) always 0 */
} nt_buffer;

/* Asks the system to start reading document i (i < count) into its page cache in the
 * background, so that a later nt_corpus_read of it need not wait for the disk. Advice only:
 * nothing is reported, and a document that cannot be opened is left to nt_corpus_read. */
void nt_corpus_prefetch(const nt_corpus *corpus, size_t i);

/* Frees buf's storage and zeroes it; buf may be NULL. */
void nt_buffer_free(nt_buffer *buf);

/* Lists every document under the folder dir, recursively.
 * - Order is deterministic: the entries of each folder are sorted byte-wise (strcmp) and
 *   walked depth first, a sub-folder's documents coming at the place of its name.
 * - Names starting with '.' (hidden files and folders) are skipped and counted.
 * - Symbolic links are followed; a folder is walked at most once, however many links lead
 *   to it (identified by device and inode), so link loops terminate. Links to files are
 *   not de-duplicated: such a file is listed once per link.
 * - Entries that cannot be stat'ed, listed or read (permission, dangling link) and
 *   entries that are not regular files or folders are skipped with a warning through
 *   hooks (may be NULL) and counted in nt_corpus_stats.
 * - A document's name is its path relative to dir, components joined with '/'.
 * - Empty files are documents (of length 0).
 * Returns NT_OK and *out (free with nt_corpus_free), NT_EIO when dir cannot be opened or is
 * not a folder, NT_EEMPTY when no document was found, NT_ENOMEM; err names dir. */
int nt_corpus_open_dir(const char *dir, const nt_hooks *hooks, nt_corpus **out,
                       nt_error *err);

/* Lists the files named in the text file list_path, one path per line, in that order.
 * Paths are taken as written (relative ones are relative to the current directory, and
 * opened relative to it when read) and are the document names. Blank lines are ignored
 * and a trailing '\r' is removed. A listed path that is missing, unreadable or not a
 * regular file is skipped with a warning and counted, as in nt_corpus_open_dir; hidden
 * names are not skipped, since the list names them explicitly.
 * Returns NT_OK and *out, NT_EIO naming list_path when it cannot be read, NT_EEMPTY when
 * no listed file is usable, NT_ENOMEM. */
int nt_corpus_open_file_list(const char *list_path, const nt_hooks *hooks, nt_corpus **out,
                             nt_error *err);

/* Treats each line of the text file path as one document. Lines end at '\n'; a '\r'
 * before it is dropped; a last line without '\n' is a document too, but a final '\n' does
 * not start an empty one. Empty lines are kept as empty documents, so document i is always
 * line i + 1. Document names are "PATH:LINE" with PATH as given and LINE counted from 1.
 * The file is scanned once, streaming, to record where lines start; it is not held in
 * memory, and stays open until nt_corpus_free.
 * Returns NT_OK and *out, NT_EIO naming path when it cannot be opened or read, NT_EEMPTY
 * when the file is empty, NT_ENOMEM. hooks may be NULL. */
int nt_corpus_open_lines(const char *path, const nt_hooks *hooks, nt_corpus **out,
                         nt_error *err);

/* Number of documents (>= 1 for an opened corpus). */
size_t nt_corpus_count(const nt_corpus *corpus);

/* Name of document i (i < count); owned by corpus, valid until nt_corpus_free. */
const char *nt_corpus_name(const nt_corpus *corpus, size_t i);

/* What opening the corpus skipped; owned by corpus. */
const nt_corpus_stats *nt_corpus_stats_get(const nt_corpus *corpus);

/* Reads document i's bytes into buf (replacing its content, growing it as needed; the
 * bytes are followed by a NUL not counted in buf->len). Thread-safe as long as each thread
 * uses its own buffer. Returns NT_OK, NT_CORPUS_BINARY when the bytes contain a NUL (buf
 * still holds them), NT_EIO naming the file (and line) when it cannot be read anymore,
 * NT_EINVAL when i is out of range, NT_ENOMEM. */
int nt_corpus_read(const nt_corpus *corpus, size_t i, nt_buffer *buf, nt_error *err);

/* Releases the corpus; corpus may be NULL. */
void nt_corpus_free(nt_corpus *corpus);

#ifdef __cplusplus
}
#endif
#endif
