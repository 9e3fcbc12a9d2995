using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// PAD arithmetic (TFLM's reference/pad.h): every output element is either the input element it covers or the pad
/// value. Shapes are handled as 5D, padded at the front with ones (TFLM extends them the same way).
/// </summary>
public static class PadMath
{
    public const int MaxDimensions = PadOpData.MaxDimensions;

    /// <summary>
    /// Pads <paramref name="input"/> (shape <paramref name="inputShape"/>) into <paramref name="output"/>;
    /// <paramref name="leftPadding"/> holds the padding before each of the 5 (front-extended) dimensions. The
    /// output shape is the input shape plus left and right padding, checked at Prepare.
    /// </summary>
    public static void Pad<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> inputShape, Span<T> output, ReadOnlySpan<int> outputShape,
        ReadOnlySpan<int> leftPadding, T padValue) where T : unmanaged
    {
        Span<int> inDims = stackalloc int[MaxDimensions];
        Span<int> outDims = stackalloc int[MaxDimensions];
        ExtendShape(inputShape, inDims);
        ExtendShape(outputShape, outDims);

        int innerIn = inDims[4];
        int innerOut = outDims[4];
        int innerLeft = leftPadding[4];
        int outIndex = 0;
        for (int d0 = 0; d0 < outDims[0]; d0++)
        {
            int i0 = d0 - leftPadding[0];
            bool in0 = i0 >= 0 && i0 < inDims[0];
            for (int d1 = 0; d1 < outDims[1]; d1++)
            {
                int i1 = d1 - leftPadding[1];
                bool in1 = in0 && i1 >= 0 && i1 < inDims[1];
                for (int d2 = 0; d2 < outDims[2]; d2++)
                {
                    int i2 = d2 - leftPadding[2];
                    bool in2 = in1 && i2 >= 0 && i2 < inDims[2];
                    for (int d3 = 0; d3 < outDims[3]; d3++)
                    {
                        int i3 = d3 - leftPadding[3];
                        Span<T> row = output.Slice(outIndex, innerOut);
                        outIndex += innerOut;
                        if (!(in2 && i3 >= 0 && i3 < inDims[3]))
                        {
                            row.Fill(padValue);
                            continue;
                        }
                        int inRow = (((i0 * inDims[1] + i1) * inDims[2] + i2) * inDims[3] + i3) * innerIn;
                        row.Slice(0, innerLeft).Fill(padValue);
                        input.Slice(inRow, innerIn).CopyTo(row.Slice(innerLeft, innerIn));
                        row.Slice(innerLeft + innerIn).Fill(padValue);
                    }
                }
            }
        }
    }

    /// <summary>Copies <paramref name="shape"/> to the end of <paramref name="extended"/> and fills the front with ones.</summary>
    public static void ExtendShape(ReadOnlySpan<int> shape, Span<int> extended)
    {
        int pad = extended.Length - shape.Length;
        for (int i = 0; i < extended.Length; i++) extended[i] = i < pad ? 1 : shape[i - pad];
    }
}
