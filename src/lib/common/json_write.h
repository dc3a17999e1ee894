/* json_write.h: the few JSON primitives the report, rank and evaluate writers need. */
#ifndef NT_COMMON_JSON_WRITE_H
#define NT_COMMON_JSON_WRITE_H

#include <stdio.h>

/* Writes s as a JSON string literal: quotes, backslashes and control characters escaped;
 * bytes that are not valid UTF-8 (file names need not be) become U+FFFD, so the output is
 * always valid UTF-8 JSON. */
void nt_json_string(FILE *fp, const char *s);

/* Writes v as nt_number_shortest does: the fewest significant digits (15 to 17) that read
 * back to the same double, with '.' whatever the locale; NaN and infinities, which JSON
 * cannot represent, are written as null. */
void nt_json_number(FILE *fp, double v);

/* Writes "name": v (v as nt_json_number writes it), then after. name is written as given,
 * so it must need no escaping. */
void nt_json_field(FILE *fp, const char *name, double v, const char *after);

#endif
