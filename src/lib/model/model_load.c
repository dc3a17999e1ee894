/* model_load.c: reading model.ntm back, trusting nothing: header, length, checksum, then
 * every field's bounds and every value's range. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crc32.h"
#include "model_internal.h"

/* Opens path and returns its size, refusing anything but a regular file: a device such as
 * /dev/zero never ends, and opening a FIFO for a blocking read waits for a writer that may
 * never come (O_NONBLOCK opens it at once, so it can be refused). */
static int open_model(const char *path, int *fd, uint64_t *size, nt_error *err)
{
    *fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (*fd < 0)
        return nt_error_set(err, NT_EIO, "cannot open model %s: %s", path, strerror(errno));
    struct stat st;
    int status = NT_OK;
    if (fstat(*fd, &st) != 0)
        status = nt_error_set(err, NT_EIO, "cannot read model %s: %s", path, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        status = nt_error_set(err, NT_EIO, "cannot read model %s: it is a folder", path);
    else if (!S_ISREG(st.st_mode))
        status = nt_error_set(err, NT_EIO, "cannot read model %s: not a regular file (a device, "
                                           "FIFO or socket)", path);
    if (status != NT_OK) {
        close(*fd);
        *fd = -1;
        return status;
    }
    *size = (uint64_t)st.st_size;
    return NT_OK;
}

/* Reads up to n bytes, fewer only at the end of the file; NT_EIO with errno's reason. */
static int read_bytes(int fd, const char *path, unsigned char *buf, size_t n, size_t *got,
                      nt_error *err)
{
    *got = 0;
    while (*got < n) {
        ssize_t r = read(fd, buf + *got, n - *got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return nt_error_set(err, NT_EIO, "cannot read model %s: %s", path, strerror(errno));
        if (r == 0)
            break;
        *got += (size_t)r;
    }
    return NT_OK;
}

/* Checks the got bytes of the header (magic, then version) against a file of size bytes,
 * and gives the payload length, which the file must hold exactly. */
static int check_header(const char *path, const unsigned char *h, size_t got, uint64_t size,
                        uint64_t *payload, nt_error *err)
{
    size_t have = got < NT_MODEL_MAGIC_SIZE ? got : NT_MODEL_MAGIC_SIZE;
    if (got == 0)
        return nt_error_set(err, NT_EFORMAT, "%s: empty file, truncated or not a model", path);
    if (memcmp(h, NT_MODEL_MAGIC, have) != 0)
        return nt_error_set(err, NT_EFORMAT, "%s: not an nmftopics model (wrong magic number)",
                            path);
    if (got < NT_MODEL_HEADER_SIZE)
        return nt_error_set(err, NT_EFORMAT, "%s: truncated model: %zu bytes, shorter than the "
                                             "%d-byte header", path, got, NT_MODEL_HEADER_SIZE);
    uint32_t version = nt_load_u32(h + 8);
    if (version != NT_MODEL_FORMAT_VERSION)
        return nt_error_set(err, NT_EFORMAT, "%s: model format version %u %s (this build reads "
                                             "version %d)", path, version,
                            version > NT_MODEL_FORMAT_VERSION ? "is newer than this nmftopics"
                                                              : "is not supported",
                            NT_MODEL_FORMAT_VERSION);
    uint64_t announced = nt_load_u64(h + 16);
    uint64_t present = size > NT_MODEL_HEADER_SIZE ? size - NT_MODEL_HEADER_SIZE : 0;
    if (announced > present)
        return nt_error_set(err, NT_EFORMAT, "%s: truncated model: the header announces %llu "
                                             "payload bytes, only %llu follow", path,
                            (unsigned long long)announced, (unsigned long long)present);
    if (announced < present)
        return nt_error_set(err, NT_EFORMAT, "%s: corrupted model: %llu unexpected bytes after "
                                             "the payload", path,
                            (unsigned long long)(present - announced));
    *payload = announced;
    return NT_OK;
}

/* Reads the payload the header announced and checks it against the header's CRC-32. */
static int read_payload(int fd, const char *path, const unsigned char *h, uint64_t payload,
                        unsigned char **data, nt_error *err)
{
    *data = payload < SIZE_MAX ? malloc((size_t)payload + 1) : NULL;
    if (!*data)
        return nt_error_set(err, NT_ENOMEM, "out of memory reading %s (%llu bytes)", path,
                            (unsigned long long)payload);
    size_t got;
    int status = read_bytes(fd, path, *data, (size_t)payload, &got, err);
    if (status == NT_OK && got < payload)
        status = nt_error_set(err, NT_EFORMAT, "%s: truncated model: the file shrank while it "
                                               "was read", path);
    if (status == NT_OK) {
        uint32_t stored = nt_load_u32(h + 12), computed = nt_crc32(*data, (size_t)payload);
        if (stored != computed)
            status = nt_error_set(err, NT_EFORMAT, "%s: corrupted model: checksum mismatch "
                                                   "(stored %08x, computed %08x)", path, stored,
                                  computed);
    }
    if (status != NT_OK) {
        free(*data);
        *data = NULL;
    }
    return status;
}

static int read_fit(nt_rbuf *r, nt_model_fit *f)
{
    uint64_t documents, nonzeros;
    uint32_t iterations, best_run;
    uint8_t converged;
    int status = nt_rbuf_u64(r, "training documents", &documents);
    if (status == NT_OK)
        status = nt_rbuf_u64(r, "training nonzeros", &nonzeros);
    if (status == NT_OK)
        status = nt_rbuf_u32(r, "iterations", &iterations);
    if (status == NT_OK)
        status = nt_rbuf_f64(r, "objective", &f->objective);
    if (status == NT_OK)
        status = nt_rbuf_f64(r, "relative error", &f->rel_error);
    if (status == NT_OK)
        status = nt_rbuf_u8(r, "converged flag", &converged);
    if (status == NT_OK)
        status = nt_rbuf_u32(r, "best run", &best_run);
    if (status == NT_OK)
        status = nt_rbuf_f64(r, "fit seconds", &f->seconds);
    if (status != NT_OK)
        return status;
    if (documents > SIZE_MAX || nonzeros > SIZE_MAX || iterations > INT32_MAX ||
        best_run > INT32_MAX || converged > 1)
        return nt_rbuf_fail(r, "fit summary", "value out of range");
    *f = (nt_model_fit){(size_t)documents, (size_t)nonzeros, (int)iterations, f->objective,
                        f->rel_error, converged, (int)best_run, f->seconds};
    return NT_OK;
}

static int read_term(nt_rbuf *r, nt_vocab *v, size_t j)
{
    uint64_t df, count;
    int status = nt_rbuf_string(r, "term stem", NT_MODEL_MAX_STRING, &v->stems[j]);
    if (status == NT_OK)
        status = nt_rbuf_string(r, "term surface form", NT_MODEL_MAX_STRING, &v->surfaces[j]);
    if (status == NT_OK)
        status = nt_rbuf_u64(r, "term document frequency", &df);
    if (status == NT_OK)
        status = nt_rbuf_u64(r, "term corpus count", &count);
    if (status != NT_OK)
        return status;
    if (df > INT64_MAX || count > INT64_MAX)
        return nt_rbuf_fail(r, "term counts", "value out of range");
    if (j > 0 && strcmp(v->stems[j - 1], v->stems[j]) >= 0)
        return nt_rbuf_fail(r, "term stem", "terms are not sorted and distinct");
    v->df[j] = (int64_t)df;
    v->counts[j] = (int64_t)count;
    return NT_OK;
}

/* Reads count doubles, each finite and at least min (exclusive when strict). */
static int read_values(nt_rbuf *r, const char *field, double *x, size_t count, double min,
                       int strict)
{
    for (size_t i = 0; i < count; i++) {
        int status = nt_rbuf_f64(r, field, &x[i]);
        if (status != NT_OK)
            return status;
        if (!isfinite(x[i]) || x[i] < min || (strict && x[i] == min)) {
            r->pos -= 8;
            return nt_rbuf_fail(r, field, "value out of range");
        }
    }
    return NT_OK;
}

/* The sizes, then the arrays they announce. */
static int read_arrays(nt_rbuf *r, nt_model **out)
{
    size_t k, n;
    /* Each term takes at least 4+4+8+8+8 bytes, each topic at least 8 per term. */
    int status = nt_rbuf_count(r, "topic count", 1, INT32_MAX, 0, &k);
    if (status == NT_OK)
        status = nt_rbuf_count(r, "term count", 1, INT32_MAX, 32, &n);
    if (status == NT_OK && k > (r->len - r->pos) / 8 / n)
        status = nt_rbuf_fail(r, "topic count", "more topics than bytes left");
    if (status != NT_OK)
        return status;
    nt_model *model = *out = nt_model_allocate(k, nt_vocab_alloc(n));
    if (!model)
        return nt_error_set(r->err, NT_ENOMEM, "out of memory reading %s", r->path);
    for (size_t j = 0; status == NT_OK && j < n; j++)
        status = read_term(r, model->vocab, j);
    if (status == NT_OK)
        status = read_values(r, "idf", model->idf, n, 0.0, 1);
    if (status == NT_OK)
        status = read_values(r, "topic share", model->share, k, 0.0, 0);
    if (status == NT_OK)
        status = read_values(r, "H", model->h, k * n, 0.0, 0);
    return status;
}

/* The options must pass the checks the fit ran them through. */
static int check_options(const char *path, const nt_model *model, nt_error *err)
{
    nt_error why;
    nt_error_clear(&why);
    if (nt_text_options_check(&model->text, &why) == NT_OK &&
        nt_tfidf_options_check(&model->tfidf, &why) == NT_OK &&
        nt_nmf_options_check(&model->nmf, model->fit.documents, model->n, &why) == NT_OK)
        return NT_OK;
    return nt_error_set(err, NT_EFORMAT, "%s: model options rejected: %.900s", path,
                        why.message);
}

/* Decodes the len payload bytes at data (offsets in messages count from the file's start). */
static int decode(const char *path, const unsigned char *data, size_t len, nt_model **out,
                  nt_error *err)
{
    nt_rbuf r = {data, len, 0, NT_MODEL_HEADER_SIZE, path, err};
    nt_model settings;
    memset(&settings, 0, sizeof settings);
    int status = nt_model_settings_read(&r, &settings);
    nt_model_fit fit = {0};
    if (status == NT_OK)
        status = read_fit(&r, &fit);
    if (status == NT_OK)
        status = read_arrays(&r, out);
    if (status == NT_OK)
        status = nt_rbuf_finish(&r);
    if (!*out) {
        nt_model_settings_free(&settings);
        return status;
    }
    /* From here the model owns the option strings. */
    (*out)->text = settings.text;
    (*out)->tfidf = settings.tfidf;
    (*out)->nmf = settings.nmf;
    (*out)->nmf.k = (*out)->k;
    (*out)->fit = fit;
    return status == NT_OK ? check_options(path, *out, err) : status;
}

int nt_model_load(const char *path, nt_model **out, nt_error *err)
{
    *out = NULL;
    int fd;
    uint64_t size = 0, payload = 0;
    unsigned char header[NT_MODEL_HEADER_SIZE], *data = NULL;
    int status = open_model(path, &fd, &size, err);
    if (status != NT_OK)
        return status;
    size_t got;
    status = read_bytes(fd, path, header, sizeof header, &got, err);
    if (status == NT_OK)
        status = check_header(path, header, got, size, &payload, err);
    if (status == NT_OK)
        status = read_payload(fd, path, header, payload, &data, err);
    close(fd);
    if (status == NT_OK)
        status = decode(path, data, (size_t)payload, out, err);
    free(data);
    if (status != NT_OK) {
        nt_model_free(*out);
        *out = NULL;
    }
    return status;
}
