/* cophenetic.h: the size limit shared by the consensus and the cophenetic correlation
 * (internal to the metrics module). */
#ifndef NT_METRICS_COPHENETIC_H
#define NT_METRICS_COPHENETIC_H

#include "nmftopics/error.h"

/* NT_OK when m documents fit the O(m^2) clustering, otherwise NT_EINVAL with a message
 * naming the count and the limit. */
int nt_cophenetic_check_size(int m, nt_error *err);

#endif
