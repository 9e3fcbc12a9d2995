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

    /// <summary>Σ filter · (input + InputOffset) over the window, from its first tap inside the input.</summary>
    public readonly int Sum(sbyte* input, sbyte* filter)
    {
        int acc = 0;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* f = filter;
            for (int run = 0; run < Runs; run++, x += InputRunStep, f += FilterRunStep)
            {
                acc += Int8DotProduct.WithValueOffset(x, f, RunLength, InputOffset);
            }
        }
        return acc;
    }
}
