/* json_write.c: JSON string escaping with UTF-8 repair, numbers and named number fields. */
#include "common/json_write.h"

#include <math.h>

#include "common/number.h"

/* Length of the valid UTF-8 sequence starting at s (1 to 4), or 0 when it is invalid:
 * overlong forms, surrogates and code points above U+10FFFF are rejected. */
static size_t utf8_sequence(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    static const unsigned smallest[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

void nt_json_string(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', fp);
    while (*p) {
        size_t n = utf8_sequence(p);
        if (n == 0) {
            fputs("\xEF\xBF\xBD", fp); /* U+FFFD REPLACEMENT CHARACTER */
            p++;
        } else if (n > 1) {
            fwrite(p, 1, n, fp);
            p += n;
        } else {
            switch (*p) {
            case '"': fputs("\\\"", fp); break;
            case '\\': fputs("\\\\", fp); break;
            case '\n': fputs("\\n", fp); break;
            case '\r': fputs("\\r", fp); break;
            case '\t': fputs("\\t", fp); break;
            default:
                if (*p < 0x20 || *p == 0x7F)
                    fprintf(fp, "\\u%04x", *p);
                else
                    fputc(*p, fp);
            }
            p++;
        }
    }
    fputc('"', fp);
}

void nt_json_number(FILE *fp, double v)
{
    if (!isfinite(v)) {
        fputs("null", fp);
        return;
    }
    char buf[NT_NUMBER_MAX];
    nt_number_shortest(buf, v);
    fputs(buf, fp);
}

void nt_json_field(FILE *fp, const char *name, double v, const char *after)
{
    fprintf(fp, "\"%s\": ", name);
    nt_json_number(fp, v);
    fputs(after, fp);
}
