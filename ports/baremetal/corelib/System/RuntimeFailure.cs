using System.Diagnostics.CodeAnalysis;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System;

/// <summary>
/// How the core library and ilc's helpers stop the program on a broken invariant (a failed bounds check, a bad
/// cast). The message is a UTF-8 literal, which ilc places in read-only data (flash); <see cref="Environment.FailFast(string)"/>
/// would need a UTF-16 string object, which ilc freezes into RAM. With TFLM_STRIP_ERROR_STRINGS the text is not
/// linked at all (the board still reports "fatal").
/// </summary>
internal static unsafe class RuntimeFailure
{
    /// <summary>Stops with <paramref name="message"/> (inlined, so a stripped build does not link the literal).</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Stop(ReadOnlySpan<byte> message)
    {
#if TFLM_STRIP_ERROR_STRINGS
        StopWith(default);
#else
        StopWith(message);
#endif
    }

    [DoesNotReturn]
    private static void StopWith(ReadOnlySpan<byte> message)
    {
        // No pinning: a u8 literal is read-only data, and a method with pinned locals is not examined as an
        // inline candidate, so callers would not learn that it never returns (they then keep the call inline on
        // the hot path instead of in a shared cold block).
        PlatformImports.FailFast((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(message)), message.Length);
        // The native hook never returns; spin rather than fall into whatever follows if it does.
        while (true)
        {
        }
    }
}
