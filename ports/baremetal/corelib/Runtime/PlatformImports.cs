using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System.Runtime;

/// <summary>
/// Everything the core library needs from the board support code, in one place. The board's C code (issue #4)
/// implements these symbols; on the host nothing here is ever called (device assemblies are only compiled).
/// <list type="bullet">
/// <item><c>tflm_platform_fail_fast(const uint8_t* message, int length)</c>: report the UTF-8 message and halt; never returns.</item>
/// <item><c>tflm_platform_allocate(uintptr_t bytes)</c>: zeroed, 8-byte aligned bump allocation; never freed.
/// Halts when the heap is exhausted.</item>
/// <item><c>tflm_platform_heap_keep()</c>: what is allocated so far stays (called after static constructors).</item>
/// <item><c>tflm_platform_[i|u]div/[i|u]mod</c>: 32-bit division (the ARM32 code generator always calls a
/// helper); they stop the program on a zero divisor.</item>
/// <item><c>tflm_platform_[u]ldiv/[u]lmod</c>: 64-bit division (libgcc's __aeabi_[u]ldivmod behind a C call).</item>
/// <item><c>memmove</c>, <c>memset</c> and the float functions of libm.</item>
/// </list>
/// </summary>
internal static unsafe class PlatformImports
{
    private const string Native = "*";

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_fail_fast")]
    internal static extern void FailFast(byte* message, int length);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_allocate")]
    internal static extern void* Allocate(nuint byteCount);

    /// <summary>Marks everything allocated so far as permanent (statics): a later heap release stops there.</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_heap_keep")]
    internal static extern void HeapKeep();

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_idiv")]
    internal static extern int DivInt32(int dividend, int divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_udiv")]
    internal static extern uint DivUInt32(uint dividend, uint divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_imod")]
    internal static extern int ModInt32(int dividend, int divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_umod")]
    internal static extern uint ModUInt32(uint dividend, uint divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_ldiv")]
    internal static extern long DivInt64(long dividend, long divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_uldiv")]
    internal static extern ulong DivUInt64(ulong dividend, ulong divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_lmod")]
    internal static extern long ModInt64(long dividend, long divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tflm_platform_ulmod")]
    internal static extern ulong ModUInt64(ulong dividend, ulong divisor);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "memmove")]
    internal static extern void* memmove(void* destination, void* source, nuint byteCount);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "memset")]
    internal static extern void* memset(void* destination, int value, nuint byteCount);

    [Intrinsic]
    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "sqrtf")]
    internal static extern float sqrtf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "floorf")]
    internal static extern float floorf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "ceilf")]
    internal static extern float ceilf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "truncf")]
    internal static extern float truncf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "rintf")]
    internal static extern float rintf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "roundf")]
    internal static extern float roundf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "expf")]
    internal static extern float expf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "logf")]
    internal static extern float logf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "tanhf")]
    internal static extern float tanhf(float x);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport(Native, "powf")]
    internal static extern float powf(float x, float y);
}
