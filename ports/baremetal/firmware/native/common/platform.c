/*
 * The native symbols the bare-metal core library imports (ports/baremetal/corelib/Runtime/PlatformImports.cs):
 * the heap, fail-fast, integer division and the C library's block operations. CPU-family independent.
 */
#include <stddef.h>
#include <stdint.h>
#include "firmware.h"

/* Bounds of the heap, from the linker script. Allocations are never freed (there is no GC). */
extern uint8_t __heap_start[], __heap_end[];
static uint8_t *heap_next;

void tflm_platform_heap_initialize(void) { heap_next = __heap_start; }

void *tflm_platform_allocate(uintptr_t bytes)
{
    uintptr_t rounded = (bytes + 7u) & ~(uintptr_t)7u;
    if (heap_next == NULL) tflm_platform_heap_initialize();
    if (rounded > (uintptr_t)(__heap_end - heap_next)) {
        tflm_console_write_ascii("fatal: heap exhausted\n");
        tflm_exit(TFLM_EXIT_FAIL_FAST);
    }
    void *block = heap_next;
    heap_next += rounded;
    /* the reset handler zeroes the whole heap, so the block is already zero */
    return block;
}

uintptr_t tflm_platform_heap_used(void) { return heap_next == NULL ? 0 : (uintptr_t)(heap_next - __heap_start); }

void tflm_platform_fail_fast(const uint8_t *message, int length)
{
    tflm_console_write_ascii("fatal: ");
    tflm_console_write((const char *)message, length);
    tflm_console_write_ascii("\n");
    tflm_exit(TFLM_EXIT_FAIL_FAST);
}

static void divide_by_zero(void)
{
    tflm_console_write_ascii("fatal: integer division by zero\n");
    tflm_exit(TFLM_EXIT_FAIL_FAST);
}

/* 32-bit division: the ARM32 code generator always calls a helper; Cortex-M3 and later divide in hardware.
   INT_MIN / -1 wraps (the JIT has already checked for overflow where C# requires it). */
int32_t tflm_platform_idiv(int32_t a, int32_t b) { if (b == 0) divide_by_zero(); return b == -1 ? (int32_t)(0u - (uint32_t)a) : a / b; }
uint32_t tflm_platform_udiv(uint32_t a, uint32_t b) { if (b == 0) divide_by_zero(); return a / b; }
int32_t tflm_platform_imod(int32_t a, int32_t b) { if (b == 0) divide_by_zero(); return b == -1 ? 0 : a % b; }
uint32_t tflm_platform_umod(uint32_t a, uint32_t b) { if (b == 0) divide_by_zero(); return a % b; }

/* 64-bit division: gcc lowers these to libgcc's __aeabi_ldivmod / __aeabi_uldivmod. */
int64_t tflm_platform_ldiv(int64_t a, int64_t b) { if (b == 0) divide_by_zero(); return a / b; }
uint64_t tflm_platform_uldiv(uint64_t a, uint64_t b) { if (b == 0) divide_by_zero(); return a / b; }
int64_t tflm_platform_lmod(int64_t a, int64_t b) { if (b == 0) divide_by_zero(); return a % b; }
uint64_t tflm_platform_ulmod(uint64_t a, uint64_t b) { if (b == 0) divide_by_zero(); return a % b; }

/* Block copies (SpanHelpers.Memmove/Fill and the JIT's block helpers). Word-at-a-time when both ends allow it:
   kernels copy whole tensors through these. The attribute stops gcc turning the loops back into memcpy calls. */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memmove(void *destination, const void *source, size_t count)
{
    uint8_t *d = destination;
    const uint8_t *s = source;
    if (d == s || count == 0) return destination;
    if (d < s || d >= s + count) {
        if ((((uintptr_t)d | (uintptr_t)s) & 3u) == 0) {
            for (; count >= 4; count -= 4, d += 4, s += 4) *(uint32_t *)d = *(const uint32_t *)s;
        }
        while (count--) *d++ = *s++;
    } else {
        d += count;
        s += count;
        while (count--) *--d = *--s;
    }
    return destination;
}

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memcpy(void *destination, const void *source, size_t count) { return memmove(destination, source, count); }

__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *memset(void *destination, int value, size_t count)
{
    uint8_t *d = destination;
    uint32_t word = (uint8_t)value * 0x01010101u;
    while (count && ((uintptr_t)d & 3u)) { *d++ = (uint8_t)value; count--; }
    for (; count >= 4; count -= 4, d += 4) *(uint32_t *)d = word;
    while (count--) *d++ = (uint8_t)value;
    return destination;
}
