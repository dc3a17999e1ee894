/* model_codec.h: the model file's fields as explicit little-endian fixed-width values, written
 * to a growing buffer and read back with a bounds check on every field. */
#ifndef NT_MODEL_CODEC_H
#define NT_MODEL_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "nmftopics/error.h"

/* A growing byte buffer. A failed allocation sets failed and makes later writes no-ops, so
 * a writer checks once at the end. Zero-initialise before use; release with nt_wbuf_free. */
typedef struct nt_wbuf {
    unsigned char *data;  /* size cap */
    size_t len;           /* bytes written */
    size_t cap;
    int failed;           /* an allocation failed */
} nt_wbuf;

void nt_wbuf_free(nt_wbuf *w);
void nt_wbuf_u8(nt_wbuf *w, uint8_t v);
void nt_wbuf_u32(nt_wbuf *w, uint32_t v);
void nt_wbuf_u64(nt_wbuf *w, uint64_t v);
/* IEEE 754 binary64, stored as its bit pattern in a little-endian u64. */
void nt_wbuf_f64(nt_wbuf *w, double v);
/* A u32 byte length followed by the bytes, without a terminating NUL. */
void nt_wbuf_string(nt_wbuf *w, const char *s);

/* Little-endian store and load of a u32 at p (for the file header). */
void nt_store_u32(unsigned char *p, uint32_t v);
uint32_t nt_load_u32(const unsigned char *p);
void nt_store_u64(unsigned char *p, uint64_t v);
uint64_t nt_load_u64(const unsigned char *p);

/* A cursor over bytes read from path. Every read checks that the field fits in what is
 * left; on failure it fills err with NT_EFORMAT naming path, the field and the offset. */
typedef struct nt_rbuf {
    const unsigned char *data;  /* size len */
    size_t len;
    size_t pos;                 /* next byte to read */
    size_t base;                /* offset of data[0] in the file, for messages */
    const char *path;           /* for messages */
    nt_error *err;
} nt_rbuf;

int nt_rbuf_u8(nt_rbuf *r, const char *field, uint8_t *out);
int nt_rbuf_u32(nt_rbuf *r, const char *field, uint32_t *out);
int nt_rbuf_u64(nt_rbuf *r, const char *field, uint64_t *out);
int nt_rbuf_f64(nt_rbuf *r, const char *field, double *out);
/* Reads a u64 count and checks it is in [min, max] and that count elements of at least
 * elem_bytes each fit in what is left. */
int nt_rbuf_count(nt_rbuf *r, const char *field, uint64_t min, uint64_t max, size_t elem_bytes,
                  size_t *out);
/* Reads a string of at most max_len bytes without NUL bytes into *out (NUL-terminated,
 * freed by the caller). */
int nt_rbuf_string(nt_rbuf *r, const char *field, size_t max_len, char **out);
/* Fails with a message naming the field unless the whole buffer has been read. */
int nt_rbuf_finish(nt_rbuf *r);
/* Fills r->err with NT_EFORMAT: "PATH: corrupted model: FIELD at offset N: WHAT". */
int nt_rbuf_fail(nt_rbuf *r, const char *field, const char *what);

#endif
