/* model_save.c: a model as one binary file: header (magic, version, CRC-32, length) and a
 * payload of little-endian fields. */
#include <string.h>

#include "crc32.h"
#include "model_internal.h"
#include "nmftopics/output.h"

/* Payload, in order:
 *   settings     u32 count, then (string key, u8 type, value) each (model_settings.c)
 *   fit          u64 documents, u64 nonzeros, u32 iterations, f64 objective,
 *                f64 relative error, u8 converged, u32 best run, f64 seconds
 *   sizes        u64 k, u64 n
 *   vocabulary   n times: string stem, string surface form, u64 df, u64 corpus count
 *   idf          n f64
 *   shares       k f64
 *   H            k*n f64, topic by topic
 * A string is a u32 byte length and the bytes, without NUL. */
static void write_payload(nt_wbuf *w, const nt_model *model)
{
    nt_model_settings_write(w, model);
    const nt_model_fit *f = &model->fit;
    nt_wbuf_u64(w, f->documents);
    nt_wbuf_u64(w, f->nonzeros);
    nt_wbuf_u32(w, (uint32_t)f->iterations);
    nt_wbuf_f64(w, f->objective);
    nt_wbuf_f64(w, f->rel_error);
    nt_wbuf_u8(w, f->converged != 0);
    nt_wbuf_u32(w, (uint32_t)f->best_run);
    nt_wbuf_f64(w, f->seconds);
    nt_wbuf_u64(w, model->k);
    nt_wbuf_u64(w, model->n);
    for (size_t j = 0; j < model->n; j++) {
        nt_wbuf_string(w, model->vocab->stems[j]);
        nt_wbuf_string(w, model->vocab->surfaces[j]);
        nt_wbuf_u64(w, (uint64_t)model->vocab->df[j]);
        nt_wbuf_u64(w, (uint64_t)model->vocab->counts[j]);
    }
    for (size_t j = 0; j < model->n; j++)
        nt_wbuf_f64(w, model->idf[j]);
    for (size_t t = 0; t < model->k; t++)
        nt_wbuf_f64(w, model->share[t]);
    for (size_t x = 0; x < model->k * model->n; x++)
        nt_wbuf_f64(w, model->h[x]);
}

int nt_model_save(const nt_model *model, const char *path, nt_error *err)
{
    nt_wbuf w = {0};
    write_payload(&w, model);
    if (w.failed) {
        nt_wbuf_free(&w);
        return nt_error_set(err, NT_ENOMEM, "out of memory writing %s", path);
    }
    unsigned char header[NT_MODEL_HEADER_SIZE];
    memcpy(header, NT_MODEL_MAGIC, NT_MODEL_MAGIC_SIZE);
    nt_store_u32(header + 8, NT_MODEL_FORMAT_VERSION);
    nt_store_u32(header + 12, nt_crc32(w.data, w.len));
    nt_store_u64(header + 16, w.len);
    nt_output out;
    int status = nt_output_open(&out, path, err);
    if (status == NT_OK) {
        fwrite(header, 1, sizeof header, out.fp);
        fwrite(w.data, 1, w.len, out.fp);
        status = nt_output_commit(&out, err);
    }
    nt_wbuf_free(&w);
    return status;
}
