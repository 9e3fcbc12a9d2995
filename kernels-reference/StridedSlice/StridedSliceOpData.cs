namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// STRIDED_SLICE's iteration bounds, resolved at Prepare from the constant begin/end/strides tensors and the masks
/// (TFLM keeps the raw params and resolves them on every Eval; the result is the same).
/// </summary>
public unsafe struct StridedSliceOpData
{
    /// <summary>Most dimensions handled (the input is extended at the front to this many).</summary>
    public const int MaxDimensions = 5;

    /// <summary>First index visited along each (extended) axis.</summary>
    public fixed int Start[MaxDimensions];

    /// <summary>Exclusive bound along each axis (one past the last index, in the stride's direction).</summary>
    public fixed int Stop[MaxDimensions];

    public fixed int Stride[MaxDimensions];

    /// <summary>The input's dimensions extended at the front with ones.</summary>
    public fixed int InputShape[MaxDimensions];
}
