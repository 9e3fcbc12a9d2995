using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TFLM's <c>OverlapAdd</c> (signal/src/overlap_add.cc) for one frame.</summary>
public static class SignalOverlapAddMath
{
    /// <summary>
    /// Adds the frame into the accumulator (saturating each sum to int16), emits the first output.Length samples,
    /// then shifts the accumulator left by that much and zero-fills its tail.
    /// </summary>
    public static void Apply(ReadOnlySpan<short> frame, Span<short> accumulator, Span<short> output)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            int sum = frame[i] + accumulator[i];
            accumulator[i] = sum < short.MinValue ? short.MinValue : sum > short.MaxValue ? short.MaxValue : (short)sum;
        }
        Emit(accumulator, output);
    }

    /// <summary>The float variant: plain float sums, no saturation.</summary>
    public static void Apply(ReadOnlySpan<float> frame, Span<float> accumulator, Span<float> output)
    {
        for (int i = 0; i < frame.Length; i++) accumulator[i] += frame[i];
        Emit(accumulator, output);
    }

    private static void Emit<T>(Span<T> accumulator, Span<T> output) where T : unmanaged
    {
        int step = output.Length;
        accumulator.Slice(0, step).CopyTo(output);
        accumulator.Slice(step).CopyTo(accumulator);
        accumulator.Slice(accumulator.Length - step).Clear();
    }
}
