using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// Gathers the receptive field of one output pixel into a contiguous row ([filterY][filterX][inputDepth], the
/// filter's own order), so a convolution becomes a matrix product. Taps outside the input become zeros after the
/// input offset: the reference skips those taps, and a zero term leaves the sum unchanged (int32, and float where
/// the running sum starts at +0 and so can never be −0).
/// </summary>
public static unsafe class Im2Col
{
    /// <summary>int8 input to a widened int16 row with the input offset added; an odd depth gets a zero pad element.</summary>
    public static void RowInt8(in ConvolutionGeometry g, sbyte* input, int batch, int outY, int outX, int inputOffset, short* row)
    {
        int depth = g.InputDepth;
        int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
        int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
        short* destination = row;
        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
        {
            int inY = inYOrigin + g.DilationHeight * filterY;
            bool rowInside = (uint)inY < (uint)g.InputHeight;
            for (int filterX = 0; filterX < g.FilterWidth; filterX++, destination += depth)
            {
                int inX = inXOrigin + g.DilationWidth * filterX;
                if (rowInside && (uint)inX < (uint)g.InputWidth)
                    Int8Rows.Widen(input + ((batch * g.InputHeight + inY) * g.InputWidth + inX) * depth, destination, depth, inputOffset);
                else
                    Int8Rows.Zero(destination, depth);
            }
        }
        int length = g.FilterHeight * g.FilterWidth * depth;
        if ((length & 1) != 0) row[length] = 0;
    }

    /// <summary>float32 input to a row; taps outside the input are +0.</summary>
    public static void RowFloat(in ConvolutionGeometry g, float* input, int batch, int outY, int outX, float* row)
    {
        int depth = g.InputDepth;
        int inYOrigin = outY * g.StrideHeight - g.PaddingHeight;
        int inXOrigin = outX * g.StrideWidth - g.PaddingWidth;
        float* destination = row;
        for (int filterY = 0; filterY < g.FilterHeight; filterY++)
        {
            int inY = inYOrigin + g.DilationHeight * filterY;
            bool rowInside = (uint)inY < (uint)g.InputHeight;
            for (int filterX = 0; filterX < g.FilterWidth; filterX++, destination += depth)
            {
                int inX = inXOrigin + g.DilationWidth * filterX;
                if (rowInside && (uint)inX < (uint)g.InputWidth)
                {
                    float* source = input + ((batch * g.InputHeight + inY) * g.InputWidth + inX) * depth;
                    for (int i = 0; i < depth; i++) destination[i] = source[i];
                }
                else
                {
                    for (int i = 0; i < depth; i++) destination[i] = 0f;
                }
            }
        }
    }
}
