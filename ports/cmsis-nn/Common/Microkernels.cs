namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// The port's microkernels, one method each, with their contracts. On the device (<c>BAREMETAL</c>) each is a direct
/// call into the Thumb-2 code of native/ (<see cref="NativeMicrokernels"/>); everywhere else it runs the C# twin
/// (<c>*Twin</c> classes), which computes exactly the same bytes. Kernels call these per block of pixels or per
/// matrix row block, never per multiply-accumulate, so the call (5 instructions on the device) never matters.
/// </summary>
internal static unsafe class Microkernels
{
    /// <summary>Values per widened group.</summary>
    public const int Group = 4;

    /// <summary>Columns (output pixels) per convolution block.</summary>
    public const int Columns = 4;

    /// <summary>Most filter taps the depthwise row microkernel accepts.</summary>
    public const int DepthwiseMaxTaps = 64;

    /// <summary>
    /// Widens <paramref name="depth"/> int8 values to int16 + <paramref name="inputOffset"/>, four at a time in the
    /// order k0 k2 k1 k3 (what SXTB16 makes of four bytes); consecutive groups are <paramref name="groupStride"/>
    /// int16 apart and the last group is padded with zeros. Writes ⌈depth / 4⌉ groups.
    /// </summary>
    public static void WidenS8(sbyte* source, short* destination, int depth, int inputOffset, int groupStride)
    {
#if BAREMETAL
        NativeMicrokernels.WidenS8(source, destination, depth, inputOffset, groupStride);
#else
        WidenS8Twin.Run(source, destination, depth, inputOffset, groupStride);
#endif
    }

    /// <summary>
    /// A convolution block: <paramref name="columns"/> holds <see cref="Columns"/> widened columns interleaved group by
    /// group (group g of column j at <c>columns + (g * 4 + j) * 4</c>). For every row r and column j &lt;
    /// <paramref name="columnCount"/>: <c>output[j * OutputStride + r] = clamp(requantize(bias[r] + Σ_k
    /// weights[r * depth + k] · column_j[k]) + OutputOffset)</c>.
    /// </summary>
    public static void ConvBlockS8S16(GemmParameters* gemm, short* columns, sbyte* output, int columnCount)
    {
#if BAREMETAL
        NativeMicrokernels.ConvBlockS8S16(gemm, columns, output, columnCount);
#else
        ConvBlockS8S16Twin.Run(gemm, columns, output, columnCount);
#endif
    }

    /// <summary>
    /// Every row of the weights against one widened vector (groups of four contiguous): <c>output[r] =
    /// clamp(requantize(bias[r] + Σ_k weights[r * depth + k] · vector[k]) + OutputOffset)</c>.
    /// </summary>
    public static void VectorMatrixS8S16(GemmParameters* gemm, short* vector, sbyte* output)
    {
#if BAREMETAL
        NativeMicrokernels.VectorMatrixS8S16(gemm, vector, output);
#else
        VectorMatrixS8S16Twin.Run(gemm, vector, output);
#endif
    }

    /// <summary>
    /// One output row of a depthwise convolution (output channel c reads input channel c / depth multiplier, which
    /// is 1 or a multiple of 4). <paramref name="input"/> points at channel 0,
    /// column 0 of the input row that filter row <paramref name="firstFilterRow"/> reads; filter rows
    /// [firstFilterRow, firstFilterRow + filterRows) lie inside the image (the caller clips rows, the microkernel
    /// clips columns); filterRows × filter width ≤ <see cref="DepthwiseMaxTaps"/>.
    /// </summary>
    public static void DepthwiseRowS8(DepthwiseParameters* depthwise, sbyte* input, int firstFilterRow, int filterRows, sbyte* output)
    {
#if BAREMETAL
        NativeMicrokernels.DepthwiseRowS8(depthwise, input, firstFilterRow, filterRows, output);
#else
        DepthwiseRowS8Twin.Run(depthwise, input, firstFilterRow, filterRows, output);
#endif
    }

    /// <summary>
    /// <c>table[v + 128] = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul((v + offset) · 2^leftShift,
    /// multiplier), −shift)</c> for every int8 v (shift ≤ 0): one ADD input's rescaled values.
    /// </summary>
    public static void RescaleTableS8(int* table, int offset, int leftShift, int multiplier, int shift)
    {
#if BAREMETAL
        NativeMicrokernels.RescaleTableS8(table, offset, leftShift, multiplier, shift);
#else
        AddS8Twin.RescaleTable(table, offset, leftShift, multiplier, shift);
#endif
    }

    /// <summary>
    /// <paramref name="count"/> quantized sums, TFLM's int8 ADD: <c>output[i] = clamp(rescale(rescale1(input1[i · step1])
    /// + rescale2(input2[i · step2])) + OutputOffset)</c>, the inputs' rescaled values looked up in the tables when
    /// they are set.
    /// </summary>
    public static void AddS8(AddParameters* add, sbyte* input1, sbyte* input2, sbyte* output, int count)
    {
#if BAREMETAL
        NativeMicrokernels.AddS8(add, input1, input2, output, count);
#else
        AddS8Twin.Run(add, input1, input2, output, count);
#endif
    }

    /// <summary>
    /// The average of a <paramref name="rows"/> × <paramref name="cols"/> window (clipped to the input by the caller,
    /// at least one pixel) for every channel, rounded half away from zero and clamped; <paramref name="input"/> is the
    /// window's first pixel, channel 0.
    /// </summary>
    public static void AveragePoolS8(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output)
    {
#if BAREMETAL
        NativeMicrokernels.AveragePoolS8(pool, input, rows, cols, output);
#else
        PoolS8Twin.Average(pool, input, rows, cols, output);
#endif
    }

    /// <summary>The maximum of a window for every channel (−128 for an empty window), clamped.</summary>
    public static void MaxPoolS8(PoolParameters* pool, sbyte* input, int rows, int cols, sbyte* output)
    {
#if BAREMETAL
        NativeMicrokernels.MaxPoolS8(pool, input, rows, cols, output);
#else
        PoolS8Twin.Max(pool, input, rows, cols, output);
#endif
    }
}
