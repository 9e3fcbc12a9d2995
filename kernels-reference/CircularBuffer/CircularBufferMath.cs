using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>The data movement of TFLM's CIRCULAR_BUFFER (circular_buffer.cc EvalInt8).</summary>
public static class CircularBufferMath
{
    /// <summary>
    /// Drops the oldest of the <c>history.Length / sample.Length</c> slots, moves the others one slot towards the
    /// start and writes <paramref name="sample"/> into the last slot.
    /// </summary>
    public static void Push(ReadOnlySpan<sbyte> sample, Span<sbyte> history)
    {
        int depth = sample.Length;
        // Overlapping move towards the start: Span.CopyTo has memmove semantics.
        history.Slice(depth).CopyTo(history);
        sample.CopyTo(history.Slice(history.Length - depth));
    }
}
