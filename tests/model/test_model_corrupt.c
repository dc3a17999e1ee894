/* test_model_corrupt.c: the model file's header, and a loader that detects every
 * single-byte corruption and every truncation of a small model, values and lengths that a
 * re-sealed file gets wrong, and files that are no model at all. */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model_fixtures.h"

/* Stores the payload's CRC-32 in the header, so that only the loader's other checks can
 * catch what a test changed. */
static void reseal(unsigned char *data, size_t len)
{
    uint32_t crc = reference_crc32(data + 24, len - 24);
    for (int i = 0; i < 4; i++)
        data[12 + i] = (unsigned char)(crc >> (8 * i));
}

/* Loads the model file expecting failure with NT_EFORMAT and a message naming the file and
 * containing want. */
static void expect_format_error(const char *want)
{
    nt_model *model = (nt_model *)1;
    nt_error err;
    nt_error_clear(&err);
    ck_assert_int_eq(nt_model_load(model_file(), &model, &err), NT_EFORMAT);
    ck_assert_ptr_null(model);
    ck_assert_msg(strstr(err.message, model_file()) != NULL, "message without the path: %s",
                  err.message);
    ck_assert_msg(strstr(err.message, want) != NULL, "expected '%s' in: %s", want, err.message);
}

START_TEST(header_is_little_endian_and_sealed)
{
    nt_model *model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, model_file(), NULL), NT_OK);
    size_t len;
    unsigned char *data = read_bytes(model_file(), &len);
    ck_assert_mem_eq(data, "\x89NTM\r\n\x1a\n", 8);
    ck_assert_int_eq(data[8], NT_MODEL_FORMAT_VERSION);
    ck_assert(data[9] == 0 && data[10] == 0 && data[11] == 0);
    uint32_t crc = reference_crc32(data + 24, len - 24);
    unsigned char stored[4] = {crc & 0xFF, (crc >> 8) & 0xFF, (crc >> 16) & 0xFF, crc >> 24};
    ck_assert_mem_eq(data + 12, stored, 4);
    uint64_t payload = 0;
    for (int i = 7; i >= 0; i--)
        payload = payload << 8 | data[16 + i];
    ck_assert_uint_eq(payload, len - 24);
    free(data);
    nt_model_free(model);
}
END_TEST

/* Saves the small model and returns its bytes. */
static unsigned char *saved_small_model(size_t *len)
{
    nt_model *model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, model_file(), NULL), NT_OK);
    nt_model_free(model);
    return read_bytes(model_file(), len);
}

START_TEST(every_single_byte_corruption_is_detected)
{
    size_t len;
    unsigned char *good = saved_small_model(&len);
    unsigned char *bad = malloc(len);
    static const unsigned char flips[] = {0x01, 0x80, 0xFF};
    for (size_t at = 0; at < len; at++)
        for (size_t f = 0; f < sizeof flips; f++) {
            memcpy(bad, good, len);
            bad[at] ^= flips[f];
            write_bytes(model_file(), bad, len);
            nt_model *model = NULL;
            nt_error err;
            int status = nt_model_load(model_file(), &model, &err);
            ck_assert_msg(status == NT_EFORMAT, "byte %zu ^ 0x%02x: status %d", at, flips[f],
                          status);
            ck_assert_ptr_null(model);
        }
    free(bad);
    free(good);
}
END_TEST

START_TEST(every_truncation_is_detected)
{
    size_t len;
    unsigned char *good = saved_small_model(&len);
    for (size_t cut = 0; cut < len; cut++) {
        write_bytes(model_file(), good, cut);
        nt_model *model = NULL;
        nt_error err;
        ck_assert_msg(nt_model_load(model_file(), &model, &err) == NT_EFORMAT, "cut at %zu", cut);
        ck_assert_msg(strstr(err.message, cut == 0 ? "empty" : "truncated"), "cut at %zu: %s", cut,
                      err.message);
    }
    free(good);
}
END_TEST

/* Offset of the u32 length in front of the string s inside the payload. */
static size_t string_length_offset(const unsigned char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t at = 28; at + n <= len; at++)
        if (memcmp(data + at, s, n) == 0 && data[at - 4] == n && data[at - 3] == 0)
            return at - 4;
    ck_abort_msg("string %s not found", s);
    return 0;
}

/* Swaps the stored strings x and y (of equal length) in a saved model's bytes. */
static void swap_strings(unsigned char *data, size_t len, const char *x, const char *y)
{
    size_t a = string_length_offset(data, len, x), b = string_length_offset(data, len, y);
    memcpy(data + a + 4, y, strlen(y));
    memcpy(data + b + 4, x, strlen(x));
}

START_TEST(sealed_bad_length_is_detected)
{
    /* A checksum only proves the bytes are as written; a file sealed with a bad length
     * (a bug, or crafted) must still be caught by the bounds checks. */
    size_t len;
    unsigned char *data = saved_small_model(&len);
    size_t at = string_length_offset(data, len, "cherries");
    memcpy(data + at, "\x00\xff\xff\x7f", 4);
    reseal(data, len);
    write_bytes(model_file(), data, len);
    expect_format_error("term surface form");
    free(data);
}
END_TEST

START_TEST(sealed_bad_values_are_detected)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    /* H is the last field: make its last entry NaN. */
    memcpy(data + len - 8, "\x00\x00\x00\x00\x00\x00\xf8\x7f", 8);
    reseal(data, len);
    write_bytes(model_file(), data, len);
    expect_format_error("H at byte");
    free(data);

    /* Swap two stems of equal length so that the terms are no longer sorted. */
    data = saved_small_model(&len);
    swap_strings(data, len, "banana", "cherri");
    reseal(data, len);
    write_bytes(model_file(), data, len);
    expect_format_error("not sorted");
    free(data);

    /* Stop words out of order. */
    nt_model *model = small_model(unusual_options);
    ck_assert_int_eq(nt_model_save(model, model_file(), NULL), NT_OK);
    nt_model_free(model);
    data = read_bytes(model_file(), &len);
    swap_strings(data, len, "apple", "zebra");
    reseal(data, len);
    write_bytes(model_file(), data, len);
    expect_format_error("stopwords at byte");
    free(data);
}
END_TEST

START_TEST(wrong_magic_is_not_a_model)
{
    const char text[] = "%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 1\n";
    write_bytes(model_file(), (const unsigned char *)text, sizeof text - 1);
    expect_format_error("not an nmftopics model");
}
END_TEST

START_TEST(future_version_is_refused)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    data[8] = NT_MODEL_FORMAT_VERSION + 1;
    write_bytes(model_file(), data, len);
    expect_format_error("is newer than this nmftopics");
    free(data);
}
END_TEST

START_TEST(trailing_bytes_are_refused)
{
    size_t len;
    unsigned char *data = saved_small_model(&len);
    data = realloc(data, len + 3);
    memcpy(data + len, "abc", 3);
    write_bytes(model_file(), data, len + 3);
    expect_format_error("3 unexpected bytes after the payload");
    free(data);
}
END_TEST

START_TEST(missing_file_and_unwritable_folder_are_io_errors)
{
    nt_model *model = (nt_model *)1;
    nt_error err;
    ck_assert_int_eq(nt_model_load("/nonexistent/model.ntm", &model, &err), NT_EIO);
    ck_assert_ptr_null(model);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/model.ntm"));
    model = small_model(NULL);
    ck_assert_int_eq(nt_model_save(model, "/nonexistent/dir/model.ntm", &err), NT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/dir/model.ntm"));
    nt_model_free(model);
}
END_TEST

/* A folder, a device that never ends and a FIFO nobody writes are refused at once, by name,
 * before any byte is read (a blocking read of the FIFO would wait forever). */
START_TEST(only_regular_files_are_loaded)
{
    const char *dir = nt_test_tmpdir(), *fifo = nt_test_path(dir, "fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    const char *paths[] = {dir, "/dev/zero", fifo};
    const char *why[] = {"it is a folder", "not a regular file", "not a regular file"};
    for (int q = 0; q < 3; q++) {
        nt_model *model = (nt_model *)1;
        nt_error err;
        ck_assert_int_eq(nt_model_load(paths[q], &model, &err), NT_EIO);
        ck_assert_ptr_null(model);
        ck_assert_ptr_nonnull(strstr(err.message, paths[q]));
        ck_assert_msg(strstr(err.message, why[q]) != NULL, "%s", err.message);
    }
    unlink(fifo);
}
END_TEST

void add_model_corruption_tests(const nt_test_cases *tc)
{
    NT_TEST_ADD(tc->core, header_is_little_endian_and_sealed);
    NT_TEST_ADD(tc->edge, every_single_byte_corruption_is_detected, every_truncation_is_detected,
                sealed_bad_length_is_detected, sealed_bad_values_are_detected);
    NT_TEST_ADD(tc->errors, wrong_magic_is_not_a_model, future_version_is_refused,
                trailing_bytes_are_refused, missing_file_and_unwritable_folder_are_io_errors,
                only_regular_files_are_loaded);
}
