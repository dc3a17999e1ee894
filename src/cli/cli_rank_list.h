/* cli_rank_list.h: rank's -k LIST: K, A:B, A:B:STEP, and comma lists of them. */
#ifndef NT_CLI_RANK_LIST_H
#define NT_CLI_RANK_LIST_H

#include <stddef.h>

#include "nmftopics/error.h"

/* The most candidates one list may give. */
enum { CLI_RANK_LIST_MAX = 1000 };

/* Parses text into ks (capacity CLI_RANK_LIST_MAX) in increasing order and sets *nk to
 * their count. Returns NT_OK, or NT_EINVAL with err naming the list or the item at fault:
 * an empty item, a number below 1 or not whole, a range running backwards, a k listed
 * twice, too many candidates. */
int cli_parse_rank_list(const char *text, size_t *ks, size_t *nk, nt_error *err);

#endif
