namespace TfLiteMicro.Kernels.Reference;

/// <summary>What LOG_SOFTMAX's Prepare computes for Invoke (TFLM's <c>LogSoftmaxOpData</c>); kept in the arena.</summary>
public struct LogSoftmaxOpData
{
    /// <summary>int8: input differences to Q5.26 (multiplier and left shift).</summary>
    public int InputMultiplier;
    public int InputLeftShift;

    /// <summary>int8: the inverse rescaling, used to find the smallest difference that still gives an output above -128.</summary>
    public int ReverseScalingDivisor;
    public int ReverseScalingRightShift;

    /// <summary>int8: differences from the row maximum below this are left out of the sum (negative).</summary>
    public int DiffMin;

    /// <summary>Number of rows (all dimensions but the last) and row length (the last dimension).</summary>
    public int OuterSize;
    public int Depth;
}
