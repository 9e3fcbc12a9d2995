/* The tensor arena: one static block in .bss, sized by the firmware build (example or board default). */
#include "firmware.h"

#ifndef TFLM_ARENA_BYTES
#error "TFLM_ARENA_BYTES must be defined by the firmware build"
#endif

static uint8_t arena[TFLM_ARENA_BYTES] __attribute__((aligned(16)));

uint8_t *tflm_arena(uint32_t *size)
{
    if (size != 0) *size = (uint32_t)sizeof arena;
    return arena;
}
