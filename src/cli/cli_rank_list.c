/* cli_rank_list.c: parsing rank's -k LIST into sorted candidate ranks. */
#include "cli_rank_list.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Appends the candidates of one comma-separated item: K, A:B or A:B:STEP. */
static int parse_item(const char *item, size_t *ks, size_t *nk, nt_error *err)
{
    long v[3] = {0, 0, 1};
    int got = 0, bad;
    const char *s = item;
    char *end;
    do {
        v[got++] = strtol(s, &end, 10);
        bad = end == s || !isdigit((unsigned char)*s) || v[got - 1] < 1 ||
              v[got - 1] > 1000000 || (*end && *end != ':');
        s = end + 1;
    } while (!bad && *end == ':' && got < 3);
    if (bad || *end)
        return nt_error_set(err, NT_EINVAL, "-k: '%s' is not K, A:B or A:B:STEP with whole "
                                            "numbers from 1", item);
    if (got == 1)
        v[1] = v[0];
    if (v[1] < v[0])
        return nt_error_set(err, NT_EINVAL, "-k: the range %s runs backwards", item);
    for (long k = v[0]; k <= v[1]; k += v[2]) {
        if (*nk == CLI_RANK_LIST_MAX)
            return nt_error_set(err, NT_EINVAL, "-k: more than %d candidates",
                                CLI_RANK_LIST_MAX);
        ks[(*nk)++] = (size_t)k;
    }
    return NT_OK;
}

static int compare_sizes(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return (a > b) - (a < b);
}

int cli_parse_rank_list(const char *text, size_t *ks, size_t *nk, nt_error *err)
{
    char buf[256];
    size_t len = strlen(text);
    if (len >= sizeof buf || len == 0)
        return nt_error_set(err, NT_EINVAL, "-k: '%s' is empty or too long", text);
    if (text[0] == ',' || text[len - 1] == ',' || strstr(text, ",,"))
        return nt_error_set(err, NT_EINVAL, "-k: '%s' has an empty item between commas", text);
    strcpy(buf, text);
    *nk = 0;
    for (char *item = strtok(buf, ","); item; item = strtok(NULL, ","))
        if (parse_item(item, ks, nk, err) != NT_OK)
            return NT_EINVAL;
    qsort(ks, *nk, sizeof ks[0], compare_sizes);
    for (size_t q = 1; q < *nk; q++)
        if (ks[q] == ks[q - 1])
            return nt_error_set(err, NT_EINVAL, "-k: %zu is listed twice in '%s'", ks[q], text);
    return *nk ? NT_OK : nt_error_set(err, NT_EINVAL, "-k: '%s' names no k", text);
}
