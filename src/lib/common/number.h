/* number.h: doubles as text for machine-readable files and back, with '.' whatever the
 * locale. */
#ifndef NT_COMMON_NUMBER_H
#define NT_COMMON_NUMBER_H

#include <stddef.h>

/* Room for any number these functions write, its terminating NUL included. */
#define NT_NUMBER_MAX 32

/* Writes what printf("%.*g", digits, v) writes in the C locale (digits 1 to 17) into buf
 * (NT_NUMBER_MAX bytes) and returns its length. A host program may have set a locale whose
 * LC_NUMERIC writes "0,5"; JSON, TSV and Matrix Market readers need "0.5". */
size_t nt_number_g(char *buf, int digits, double v);

/* Writes v with the fewest significant digits from 15 to 17 that read back to the same
 * double (0.1 stays "0.1") into buf (NT_NUMBER_MAX bytes), as nt_number_g does; returns
 * the length. */
size_t nt_number_shortest(char *buf, double v);

/* Turns a finite number printf's %e, %f or %g wrote under any locale into the C locale's
 * form in place: the locale's decimal point (one or more bytes that are not digits, signs
 * or 'e') becomes '.'. printf writes nothing else locale-dependent for these conversions
 * (no digit grouping without the ' flag). Returns the new length. */
size_t nt_number_c_point(char *text);

/* strtod in the C locale whatever the host program's locale: "0.5" is one half even where
 * the locale's decimal point is ','. Same arguments and result as strtod. */
double nt_number_parse(const char *text, char **end);

/* Calls fn(arg) with the calling thread reading numbers in the C locale, so that strtod
 * inside it reads as nt_number_parse does, at one locale switch for all of them; returns
 * what fn returns. */
int nt_number_in_c(int (*fn)(void *), void *arg);

#endif
