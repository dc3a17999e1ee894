/* model_codec.c: little-endian encoding and bounds-checked decoding of model file fields. */
#include "model_codec.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(double) == 8, "the model format stores IEEE 754 binary64 doubles");

void nt_wbuf_free(nt_wbuf *w)
{
    if (w) {
        free(w->data);
        memset(w, 0, sizeof *w);
    }
}

/* Appends n bytes, growing the buffer by doubling; on failure marks it failed for good. */
static void append(nt_wbuf *w, const void *bytes, size_t n)
{
    if (w->failed)
        return;
    if (n > w->cap - w->len) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap - w->len < n)
            cap *= 2;
        unsigned char *grown = realloc(w->data, cap);
        if (!grown) {
            w->failed = 1;
            return;
        }
        w->data = grown;
        w->cap = cap;
    }
    memcpy(w->data + w->len, bytes, n);
    w->len += n;
}

void nt_store_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

uint32_t nt_load_u32(const unsigned char *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

void nt_store_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

uint64_t nt_load_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

void nt_wbuf_u8(nt_wbuf *w, uint8_t v)
{
    append(w, &v, 1);
}

void nt_wbuf_u32(nt_wbuf *w, uint32_t v)
{
    unsigned char b[4];
    nt_store_u32(b, v);
    append(w, b, sizeof b);
}

void nt_wbuf_u64(nt_wbuf *w, uint64_t v)
{
    unsigned char b[8];
    nt_store_u64(b, v);
    append(w, b, sizeof b);
}

void nt_wbuf_f64(nt_wbuf *w, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    nt_wbuf_u64(w, bits);
}

void nt_wbuf_string(nt_wbuf *w, const char *s)
{
    size_t n = strlen(s);
    nt_wbuf_u32(w, (uint32_t)n);
    append(w, s, n);
}

int nt_rbuf_fail(nt_rbuf *r, const char *field, const char *what)
{
    return nt_error_set(r->err, NT_EFORMAT, "%s: corrupted model: %s at byte %zu: %s", r->path,
                        field, r->base + r->pos, what);
}

/* Returns a pointer to the next n bytes and advances, or NULL after filling err. */
static const unsigned char *take(nt_rbuf *r, const char *field, size_t n)
{
    if (n > r->len - r->pos) {
        nt_rbuf_fail(r, field, "runs past the end of the data");
        return NULL;
    }
    const unsigned char *p = r->data + r->pos;
    r->pos += n;
    return p;
}

int nt_rbuf_u8(nt_rbuf *r, const char *field, uint8_t *out)
{
    const unsigned char *p = take(r, field, 1);
    if (!p)
        return NT_EFORMAT;
    *out = p[0];
    return NT_OK;
}

int nt_rbuf_u32(nt_rbuf *r, const char *field, uint32_t *out)
{
    const unsigned char *p = take(r, field, 4);
    if (!p)
        return NT_EFORMAT;
    *out = nt_load_u32(p);
    return NT_OK;
}

int nt_rbuf_u64(nt_rbuf *r, const char *field, uint64_t *out)
{
    const unsigned char *p = take(r, field, 8);
    if (!p)
        return NT_EFORMAT;
    *out = nt_load_u64(p);
    return NT_OK;
}

int nt_rbuf_f64(nt_rbuf *r, const char *field, double *out)
{
    uint64_t bits;
    int status = nt_rbuf_u64(r, field, &bits);
    if (status == NT_OK)
        memcpy(out, &bits, sizeof *out);
    return status;
}

int nt_rbuf_count(nt_rbuf *r, const char *field, uint64_t min, uint64_t max, size_t elem_bytes,
                  size_t *out)
{
    uint64_t v;
    size_t at = r->pos;
    int status = nt_rbuf_u64(r, field, &v);
    if (status != NT_OK)
        return status;
    if (v < min || v > max || (elem_bytes && v > (r->len - r->pos) / elem_bytes)) {
        r->pos = at;
        return nt_rbuf_fail(r, field, v < min || v > max ? "value out of range"
                                                          : "more elements than bytes left");
    }
    *out = (size_t)v;
    return NT_OK;
}

int nt_rbuf_string(nt_rbuf *r, const char *field, size_t max_len, char **out)
{
    *out = NULL;
    uint32_t n;
    size_t at = r->pos;
    int status = nt_rbuf_u32(r, field, &n);
    if (status != NT_OK)
        return status;
    if (n > max_len) {
        r->pos = at;
        return nt_rbuf_fail(r, field, "string length out of range");
    }
    const unsigned char *p = take(r, field, n);
    if (!p)
        return NT_EFORMAT;
    if (memchr(p, '\0', n)) {
        r->pos = at;
        return nt_rbuf_fail(r, field, "string contains a NUL byte");
    }
    char *s = malloc((size_t)n + 1);
    if (!s)
        return nt_error_set(r->err, NT_ENOMEM, "out of memory reading %s", r->path);
    memcpy(s, p, n);
    s[n] = '\0';
    *out = s;
    return NT_OK;
}

int nt_rbuf_finish(nt_rbuf *r)
{
    if (r->pos != r->len)
        return nt_rbuf_fail(r, "end of payload", "unexpected bytes after the last field");
    return NT_OK;
}
