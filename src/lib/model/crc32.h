/* crc32.h: the CRC-32 checksum that guards a model file's payload. */
#ifndef NT_MODEL_CRC32_H
#define NT_MODEL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* CRC-32 of n bytes (the zlib / IEEE 802.3 variant: crc32("123456789") == 0xCBF43926). */
uint32_t nt_crc32(const void *data, size_t n);

#endif
