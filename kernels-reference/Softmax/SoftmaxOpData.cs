namespace TfLiteMicro.Kernels.Reference;

/// <summary>What SOFTMAX's Prepare computes for Invoke (TFLM's <c>SoftmaxParams</c>); kept in the arena.</summary>
public unsafe struct SoftmaxOpData
{
    /// <summary>The beta option (float path).</summary>
    public float Beta;

    /// <summary>int8 input: beta · input scale as a multiplier greater than one; int16: rescaling to the exp table.</summary>
    public int InputMultiplier;
    public int InputLeftShift;

    /// <summary>int8 input: differences from the row maximum below this contribute nothing (exp underflows).</summary>
    public int DiffMin;

    /// <summary>int16 input: exp(x) on [-10, 0] and 1/(1 + x) on [0, 1], <see cref="Int16LookupTable.Size"/> entries each.</summary>
    public short* ExpTable;
    public short* OneOverOnePlusXTable;

    /// <summary>Legacy uint8 (TFLite's kernel): e^(−input scale · β · d) for d = 255..0, and the output scale.</summary>
    public float* UInt8ExpTable;
    public float UInt8OutputScale;
}
