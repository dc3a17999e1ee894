/* error.c: filling and naming error records. */
#include "nmftopics/error.h"

#include <stdarg.h>
#include <stdio.h>

int nt_error_set(nt_error *err, int status, const char *format, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, format);
        vsnprintf(err->message, sizeof err->message, format, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

void nt_error_clear(nt_error *err)
{
    if (err) {
        err->status = NT_OK;
        err->message[0] = '\0';
    }
}

const char *nt_status_string(int status)
{
    switch (status) {
    case NT_OK: return "success";
    case NT_ENOMEM: return "out of memory";
    case NT_EIO: return "I/O error";
    case NT_EFORMAT: return "malformed input";
    case NT_EINVAL: return "invalid argument";
    case NT_EEMPTY: return "nothing to work on";
    case NT_ENUMERIC: return "numeric failure";
    default: return "unknown error";
    }
}
