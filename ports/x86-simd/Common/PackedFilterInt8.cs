namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// An int8 weight matrix [channels][depth] repacked once at Prepare for <see cref="Int8Gemm"/>, with everything
/// the requantization of each output channel needs. Kept in the arena (persistent), one per node.
/// <para>
/// Layout of <see cref="Weights"/>: int16, [<see cref="PairCount"/>][<see cref="PaddedChannels"/>][2] — for each
/// pair of depth positions (d, d + 1), the two weights of every output channel next to each other. One
/// <c>vpmaddwd</c> of 16 channels' pairs against a broadcast input pair then yields 16 int32 partial sums, one per
/// channel, with no horizontal reduction. Channels are padded to a multiple of <see cref="ChannelBlock"/> and the
/// depth to an even count, both with zero weights, so padding never changes a sum.
/// </para>
/// </summary>
public unsafe struct PackedFilterInt8
{
    /// <summary>Channels per block: one 512-bit vector of int32 accumulators.</summary>
    public const int ChannelBlock = 16;

    public short* Weights;

    /// <summary>Per padded channel: the bias (0 when there is none), the accumulator's starting value.</summary>
    public int* Bias;

    /// <summary>Per padded channel: TFLM's quantized multiplier and shift (shift &gt; 0 shifts left).</summary>
    public int* Multipliers;
    public int* Shifts;

    /// <summary>Per padded channel: max(shift, 0) and max(-shift, 0), the two halves of the shift.</summary>
    public int* LeftShifts;
    public int* RightShifts;

    /// <summary>Length of one input row (the reduction depth) and its pair count, ceil(depth / 2).</summary>
    public int Depth;
    public int PairCount;

    public int Channels;
    public int PaddedChannels;

    /// <summary>Output zero point and clamp range after the fused activation.</summary>
    public int OutputOffset;
    public int ActivationMin;
    public int ActivationMax;

    /// <summary>Negated input zero point, added to every input value as it is widened to int16.</summary>
    public int InputOffset;

    /// <summary>Length of one widened input row in int16 elements (2 × <see cref="PairCount"/>).</summary>
    public readonly int RowStride => PairCount * 2;
}
