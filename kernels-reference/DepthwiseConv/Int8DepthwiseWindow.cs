namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The part of one output pixel's depthwise window that lies inside the input, as pointer steps: <see cref="Rows"/>
/// filter rows of <see cref="Taps"/> taps each. Input and filter pointers passed to the sums point at the window's
/// first tap inside the input, at the channel being summed.
/// </summary>
/// <remarks>
/// Each sum is its own small function, called once per block of output channels: with only the window's steps, the
/// four sums and two pointers live, ilc's ARM32 register allocator keeps the tap loop out of the stack (inlined into
/// the pixel loops it spilled a step per tap). The steps a tap loop uses are copied to locals first (a field is
/// reloaded from the struct on every use).
/// </remarks>
public unsafe struct Int8DepthwiseWindow
{
    public int Rows;
    public int Taps;

    /// <summary>Input / filter bytes from one window row to the next.</summary>
    public int InputRowStep;
    public int FilterRowStep;

    /// <summary>Input / filter bytes from one tap of a row to the next.</summary>
    public int InputTapStep;
    public int FilterTapStep;

    /// <summary>−input zero point, added to every input value.</summary>
    public int InputOffset;

    /// <summary>sums[j] = Σ filter[j] · (input[j] + InputOffset) for j &lt; 4: four adjacent channels (depth multiplier 1).</summary>
    public readonly void SumFourChannels(sbyte* input, sbyte* filter, int* sums)
    {
        int acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
        // The steps in locals: ilc reloads a field from the struct on every use inside the loop.
        int offset = InputOffset;
        int taps = Taps;
        int inputTapStep = InputTapStep;
        int filterTapStep = FilterTapStep;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* w = filter;
            for (int tap = 0; tap < taps; tap++, x += inputTapStep, w += filterTapStep)
            {
                acc0 += w[0] * (x[0] + offset);
                acc1 += w[1] * (x[1] + offset);
                acc2 += w[2] * (x[2] + offset);
                acc3 += w[3] * (x[3] + offset);
            }
        }
        sums[0] = acc0;
        sums[1] = acc1;
        sums[2] = acc2;
        sums[3] = acc3;
    }

    /// <summary>
    /// sums[j] = Σ filter[j] · (input[0] + InputOffset) for j &lt; 4: four output channels of one input channel
    /// (depth multiplier ≥ 4), each input value loaded and offset once for the four.
    /// </summary>
    public readonly void SumFourSharedInput(sbyte* input, sbyte* filter, int* sums)
    {
        int acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
        // The steps in locals: ilc reloads a field from the struct on every use inside the loop.
        int offset = InputOffset;
        int taps = Taps;
        int inputTapStep = InputTapStep;
        int filterTapStep = FilterTapStep;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* w = filter;
            for (int tap = 0; tap < taps; tap++, x += inputTapStep, w += filterTapStep)
            {
                int value = *x + offset;
                acc0 += w[0] * value;
                acc1 += w[1] * value;
                acc2 += w[2] * value;
                acc3 += w[3] * value;
            }
        }
        sums[0] = acc0;
        sums[1] = acc1;
        sums[2] = acc2;
        sums[3] = acc3;
    }

    /// <summary>Σ filter · (input + InputOffset) of one output channel (channels left over from the blocks of four).</summary>
    public readonly int SumOne(sbyte* input, sbyte* filter)
    {
        int acc = 0;
        // The steps in locals: ilc reloads a field from the struct on every use inside the loop.
        int offset = InputOffset;
        int taps = Taps;
        int inputTapStep = InputTapStep;
        int filterTapStep = FilterTapStep;
        for (int row = 0; row < Rows; row++, input += InputRowStep, filter += FilterRowStep)
        {
            sbyte* x = input;
            sbyte* w = filter;
            for (int tap = 0; tap < taps; tap++, x += inputTapStep, w += filterTapStep) acc += *w * (*x + offset);
        }
        return acc;
    }
}
