/*
 * Lookup of the files the firmware build embedded in flash (models, test inputs). The build generates the table
 * (embedded_files.generated.c: each file pulled in with the assembler's .incbin, 16-byte aligned, in .rodata), so
 * the program reads them in place.
 */
#include <stddef.h>
#include "firmware.h"

struct tflm_embedded_file_entry {
    const char *name;
    const uint8_t *start;
    const uint8_t *end;
};

extern const struct tflm_embedded_file_entry tflm_embedded_files[];
extern const int tflm_embedded_file_count;

const uint8_t *tflm_embedded_file(const char *name, int name_length, uint32_t *size)
{
    for (int i = 0; i < tflm_embedded_file_count; i++) {
        const char *candidate = tflm_embedded_files[i].name;
        int k = 0;
        while (k < name_length && candidate[k] != 0 && candidate[k] == name[k]) k++;
        if (k == name_length && candidate[k] == 0) {
            if (size != NULL) *size = (uint32_t)(tflm_embedded_files[i].end - tflm_embedded_files[i].start);
            return tflm_embedded_files[i].start;
        }
    }
    if (size != NULL) *size = 0;
    return NULL;
}
