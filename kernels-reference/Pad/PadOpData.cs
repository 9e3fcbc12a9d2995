namespace TfLiteMicro.Kernels.Reference;

/// <summary>What PAD/PADV2's Prepare computes for Invoke; kept in the arena (one per node).</summary>
public unsafe struct PadOpData
{
    /// <summary>Most dimensions PAD handles (TFLM's PadKernelMaxDimensionCount).</summary>
    public const int MaxDimensions = 5;

    /// <summary>Padding before each dimension, extended at the front to <see cref="MaxDimensions"/> with zeros.</summary>
    public fixed int LeftPadding[MaxDimensions];

    /// <summary>Padding after each dimension, extended the same way.</summary>
    public fixed int RightPadding[MaxDimensions];

    /// <summary>Output zero point: the pad value of int8 PAD when no constant is given.</summary>
    public int OutputZeroPoint;
}
