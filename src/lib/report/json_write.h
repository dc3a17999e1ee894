/* json_write.h: the few JSON primitives report.json needs: escaped strings and numbers. */
#ifndef NT_REPORT_JSON_WRITE_H
#define NT_REPORT_JSON_WRITE_H

#include <stdio.h>

/* Writes s as a JSON string literal: quotes, backslashes and control characters escaped;
 * bytes that are not valid UTF-8 (file names need not be) become U+FFFD, so the output is
 * always valid UTF-8 JSON. */
void nt_json_string(FILE *fp, const char *s);

/* Writes v with the fewest significant digits (up to 17) that read back to the same
 * double; NaN and infinities, which JSON cannot represent, are written as null. */
void nt_json_number(FILE *fp, double v);

/* Formats v as nt_json_number does, into buf (at least 32 bytes); also used for TSV. */
void nt_format_double(char *buf, size_t size, double v);

#endif
