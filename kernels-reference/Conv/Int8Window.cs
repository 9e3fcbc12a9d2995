namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The part of one output pixel's convolution window that lies inside the input, as pointer steps: <see cref="Rows"/>
/// filter rows, each <see cref="Runs"/> runs of <see cref="RunLength"/> values that are contiguous in both the input
/// and the filter (one run of taps · depth when a row's taps are adjacent in the input, else one run per tap).
/// </summary>
public unsafe struct Int8Window
{
    public int Rows;
    public int Runs;
    public int RunLength;

    /// <summary>Input / filter bytes from one row of the window to the next.</summary>
    public int InputRowStep;
    public int FilterRowStep;

    /// <summary>Input / filter bytes from one run of a row to the next.</summary>
    public int InputRunStep;
    public int FilterRunStep;

    /// <summary>−input zero point, added to every input value.</summary>
    public int InputOffset;

    /// <summary>
    /// Σ filter · (input + InputOffset) over the window, from its first tap inside the input, for four filters at once
    /// (<paramref name="filter"/> and the three that follow it, <paramref name="filterSize"/> bytes apart).
    /// </summary>
    public readonly void SumFour(sbyte* input, sbyte* filter, int filterSize, out int acc0, out int acc1, out int acc2, out int acc3)
    {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* f = filter;
            for (int run = 0; run < Runs; run++, x += InputRunStep, f += FilterRunStep)
            {
                Int8DotProduct.WithValueOffsetFourRows(x, f, f + filterSize, f + 2 * filterSize, f + 3 * filterSize, RunLength,
                    InputOffset, out int s0, out int s1, out int s2, out int s3);
                a0 += s0;
                a1 += s1;
                a2 += s2;
                a3 += s3;
            }
        }
        acc0 = a0;
        acc1 = a1;
        acc2 = a2;
        acc3 = a3;
    }

    /// <summary>
    /// Σ filter · (input + InputOffset) over the window, from its first tap inside the input, for two filters at once
    /// (two output channels reading the same input).
    /// </summary>
    public readonly void SumTwo(sbyte* input, sbyte* filter0, sbyte* filter1, out int acc0, out int acc1)
    {
        int a0 = 0;
        int a1 = 0;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter0 += FilterRowStep, filter1 += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* f0 = filter0;
            sbyte* f1 = filter1;
            for (int run = 0; run < Runs; run++, x += InputRunStep, f0 += FilterRunStep, f1 += FilterRunStep)
            {
                Int8DotProduct.WithValueOffsetTwoRows(x, f0, f1, RunLength, InputOffset, out int s0, out int s1);
                a0 += s0;
                a1 += s1;
            }
        }
        acc0 = a0;
        acc1 = a1;
    }
}
