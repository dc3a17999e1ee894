/* memory.h: how much memory the library may plan to use, so impossible sizes fail at once. */
#ifndef NT_COMMON_MEMORY_H
#define NT_COMMON_MEMORY_H

/* Bytes the library may plan to use: the environment variable NT_MEMORY_LIMIT (a number of
 * bytes, e.g. 4e9) when set to a positive number, otherwise the machine's physical memory. */
double nt_memory_budget(void);

#endif
