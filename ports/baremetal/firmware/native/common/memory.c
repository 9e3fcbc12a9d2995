/*
 * The C library's block operations for the firmware images built here (the managed code imports memmove and
 * memset by name). Not part of libtflm.a: a firmware that links the library uses its own C library's versions.
 */
#include <stddef.h>
#include <stdint.h>

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
