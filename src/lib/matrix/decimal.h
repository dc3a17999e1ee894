/* decimal.h: numbers as decimal text without printf, for the large text files the matrix
 * writers produce (internal to the matrix module). */
#ifndef NT_MATRIX_DECIMAL_H
#define NT_MATRIX_DECIMAL_H

#include <stdint.h>

/* Room a caller leaves for one number: 20 digits of a uint64, or the 24 characters of the
 * longest %.17g form ("-1.2345678901234567e-308"); the formatting may also write scratch
 * bytes past the end it returns, up to this many bytes in all. */
#define NT_DECIMAL_MAX 40

/* Writes v in decimal at out (no NUL) and returns the end of the text. */
char *nt_decimal_uint(char *out, uint64_t v);

/* Writes exactly the characters printf("%.17g", v) would in the C locale (no NUL) and
 * returns their end. 17 significant digits read back to the same double. Numbers from 1e-6
 * to 2^53 (every TF-IDF weight) are formatted with exact integer arithmetic, about ten times
 * faster than printf; others go through nt_number_g (common/number.h). */
char *nt_decimal_g17(char *out, double v);

#endif
