using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONCATENATION (TFLM's reference/concatenation.h): the output is, for each index of the dimensions before the
/// axis, the inputs' slabs one after another. No requantization: quantized values are copied as they are.
/// </summary>
public static class ConcatenationMath
{
    /// <summary>
    /// Copies one input into its place: <paramref name="outerCount"/> slabs of <paramref name="inputSlab"/> elements,
    /// the k-th going to <paramref name="outputOffset"/> + k × <paramref name="outputSlab"/>.
    /// </summary>
    public static void CopyInput<T>(ReadOnlySpan<T> input, Span<T> output, int outerCount, int inputSlab, int outputSlab,
        int outputOffset) where T : unmanaged
    {
        for (int k = 0; k < outerCount; k++)
        {
            input.Slice(k * inputSlab, inputSlab).CopyTo(output.Slice(outputOffset + k * outputSlab, inputSlab));
        }
    }

    /// <summary>Product of <paramref name="shape"/>[from..to).</summary>
    public static int Product(ReadOnlySpan<int> shape, int from, int to)
    {
        int product = 1;
        for (int i = from; i < to; i++) product *= shape[i];
        return product;
    }
}
