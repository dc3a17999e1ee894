/* error.h: status codes and the error record shared by every stage of nmftopics. */
#ifndef NMFTOPICS_ERROR_H
#define NMFTOPICS_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible library call returns one of these: 0 on success, negative on error. */
enum nt_status {
    NT_OK = 0,
    NT_ENOMEM = -1,   /* an allocation failed */
    NT_EIO = -2,      /* a file could not be opened, read or written */
    NT_EFORMAT = -3,  /* a file's contents could not be parsed */
    NT_EINVAL = -4,   /* an argument or option is out of range */
    NT_EEMPTY = -5,   /* nothing left to work on (no documents, no terms) */
    NT_ENUMERIC = -6  /* a numeric failure (NaN, a failed factorisation) */
};

#define NT_ERROR_MESSAGE_MAX 1024

/* Filled by a failing call when the caller passes one; the message names the file,
 * document, option or value at fault. */
typedef struct nt_error {
    int status;                          /* one of enum nt_status */
    char message[NT_ERROR_MESSAGE_MAX];  /* NUL-terminated, no trailing newline */
} nt_error;

/* Records status and a printf-style message in err (err may be NULL); returns status,
 * so a caller can write `return nt_error_set(err, NT_EINVAL, "...", ...);`. */
int nt_error_set(nt_error *err, int status, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears err to NT_OK with an empty message (err may be NULL). */
void nt_error_clear(nt_error *err);

/* A short constant name for a status ("out of memory", "I/O error", ...). */
const char *nt_status_string(int status);

#ifdef __cplusplus
}
#endif
#endif
