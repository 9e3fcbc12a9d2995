using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ADD_N as TFLM computes it (reference/add_n.h). float32: per element, 0 + x0 + x1 + ... in input order.
/// int8: every input (same scale and zero point) is rescaled in 32-bit fixed point and summed, then rescaled to
/// the output. TFLM seeds that sum with the rescaled input offset (-zero point) as if it were one more input, so
/// the result carries an extra -zero point · scale; that quirk is reproduced.
/// </summary>
public static unsafe class AddNMath
{
    /// <param name="inputs">One data pointer per input, each to <paramref name="count"/> floats.</param>
    public static void AddNFloat(ReadOnlySpan<IntPtr> inputs, int count, Span<float> output)
    {
        for (int i = 0; i < count; i++)
        {
            float sum = 0f;
            for (int j = 0; j < inputs.Length; j++) sum += ((float*)inputs[j])[i];
            output[i] = sum;
        }
    }

    /// <param name="inputs">One data pointer per input, each to <paramref name="count"/> int8 values.</param>
    public static void AddNInt8(in AddNOpData p, ReadOnlySpan<IntPtr> inputs, int count, Span<sbyte> output)
    {
        int seed = Rescale(p.InputOffset, in p);
        for (int i = 0; i < count; i++)
        {
            int sum = seed;
            for (int j = 0; j < inputs.Length; j++) sum = unchecked(sum + Rescale(p.InputOffset + ((sbyte*)inputs[j])[i], in p));
            int result = unchecked(FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(sum, p.OutputMultiplier, p.OutputShift)
                + p.OutputOffset);
            output[i] = (sbyte)ActivationMath.Clamp(result, p.OutputActivationMin, p.OutputActivationMax);
        }
    }

    private static int Rescale(int offsetValue, in AddNOpData p) =>
        FixedPointMath.MultiplyByQuantizedMultiplierSmallerThanOneExp(unchecked(offsetValue * (1 << p.LeftShift)), p.InputMultiplier, p.InputShift);
}
