/* crc32.c: table-driven CRC-32 over the IEEE 802.3 polynomial. */
#include "crc32.h"

/* The IEEE 802.3 generator x^32+x^26+x^23+x^22+x^16+x^12+x^11+x^10+x^8+x^7+x^5+x^4+x^2+x+1
 * is 0x04C11DB7; processing bits least significant first uses its bit reversal, 0xEDB88320.
 * Register preset to all ones and final complement, as in zlib, PNG and gzip, so any
 * single-byte change and any burst of up to 32 bits is always detected. */
#define CRC32_REFLECTED_POLY 0xEDB88320u

static uint32_t crc_byte(uint32_t r)
{
    for (int bit = 0; bit < 8; bit++)
        r = (r & 1u) ? (r >> 1) ^ CRC32_REFLECTED_POLY : r >> 1;
    return r;
}

uint32_t nt_crc32(const void *data, size_t n)
{
    /* Built on each call: 256 entries cost far less than reading a model, and a table
     * built once would need synchronisation between threads. */
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++)
        table[i] = crc_byte(i);
    const unsigned char *p = data;
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ p[i]) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}
