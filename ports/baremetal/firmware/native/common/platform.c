/*
 * The native symbols the bare-metal core library imports (ports/baremetal/corelib/Runtime/PlatformImports.cs):
 * the heap, fail-fast and integer division. CPU-family independent. Part of libtflm.a (compiled with
 * TFLM_LIBRARY there); memmove and memset come from the C library (common/memory.c in the images built here).
 */
#include <stddef.h>
#include <stdint.h>
#include "firmware.h"

/*
 * The heap for the managed objects created while setting up (interpreter, resolver, allocator state). Allocations
 * are bumps of a pointer and are zeroed; there is no GC. In a firmware image built here the heap is the RAM the
 * linker script leaves between .bss and the stack (__heap_start/__heap_end). In the C library (TFLM_LIBRARY) it
 * is a pool of TFLM_OBJECT_POOL_BYTES inside the library's own .bss, so a firmware provides no heap symbols.
 *
 * tflm_platform_heap_release gives back everything allocated after a mark (the C API does so when its last
 * interpreter is destroyed, so create/destroy cycles do not grow the heap); it never goes below what a static
 * constructor has allocated (tflm_platform_heap_keep is called after each one), as statics live forever.
 */
#ifdef TFLM_OBJECT_POOL_BYTES
static uint8_t object_pool[TFLM_OBJECT_POOL_BYTES] __attribute__((aligned(8)));
#define HEAP_START object_pool
#define HEAP_END (object_pool + sizeof object_pool)
#else
extern uint8_t __heap_start[], __heap_end[];
#define HEAP_START __heap_start
#define HEAP_END __heap_end
#endif
static uint8_t *heap_next;
static uint8_t *heap_floor;

/* What the library does on a broken invariant (heap exhausted, bounds check, unemulated instruction). */
#ifdef TFLM_LIBRARY
__attribute__((weak)) void tflm_on_fatal_error(const char *message, size_t length)
{
    (void)message;
    (void)length;
    for (;;) {
    }
}

__attribute__((noreturn)) void tflm_platform_fatal(const char *message, int length)
{
    tflm_on_fatal_error(message, (size_t)length);
    for (;;) {
    }
}
#else
__attribute__((noreturn)) void tflm_platform_fatal(const char *message, int length)
{
    tflm_console_write_ascii("fatal: ");
    tflm_console_write(message, length);
    tflm_console_write_ascii("\n");
    tflm_exit(TFLM_EXIT_FAIL_FAST);
}
#endif

static __attribute__((noreturn)) void fatal_text(const char *text)
{
    int length = 0;
    while (text[length] != 0) length++;
    tflm_platform_fatal(text, length);
}

void tflm_platform_heap_initialize(void) { heap_next = heap_floor = HEAP_START; }

void *tflm_platform_allocate(uintptr_t bytes)
{
    uintptr_t rounded = (bytes + 7u) & ~(uintptr_t)7u;
    if (heap_next == NULL) tflm_platform_heap_initialize();
    if (rounded > (uintptr_t)(HEAP_END - heap_next)) fatal_text("heap exhausted");
    void *block = heap_next;
    heap_next += rounded;
    /* the heap starts zeroed (.bss or the reset handler) and released memory is zeroed again */
    return block;
}

uintptr_t tflm_platform_heap_used(void) { return heap_next == NULL ? 0 : (uintptr_t)(heap_next - HEAP_START); }

uintptr_t tflm_platform_heap_size(void) { return (uintptr_t)(HEAP_END - HEAP_START); }

void tflm_platform_heap_keep(void)
{
    if (heap_next == NULL) tflm_platform_heap_initialize();
    heap_floor = heap_next;
}

void tflm_platform_heap_release(uintptr_t used)
{
    if (heap_next == NULL) return;
    uint8_t *to = HEAP_START + used;
    if (to < heap_floor) to = heap_floor;
    for (uint8_t *p = to; p < heap_next; p++) *(volatile uint8_t *)p = 0;
    if (to < heap_next) heap_next = to;
}

void tflm_platform_fail_fast(const uint8_t *message, int length) { tflm_platform_fatal((const char *)message, length); }

/* The managed runtime's start-up pass (statics ilc could not pre-initialize, eager class constructors), once: the
   reset handler of an image calls it, the C library's first tflm_create calls it. */
void tflm_platform_ensure_runtime(void)
{
    static int initialized;
    if (initialized) return;
    initialized = 1;
    if (heap_next == NULL) tflm_platform_heap_initialize();
    tflm_fpu_emulation_initialize();
    tflm_runtime_initialize(__ReadyToRunHeader);
}

static void divide_by_zero(void) { fatal_text("integer division by zero"); }

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

