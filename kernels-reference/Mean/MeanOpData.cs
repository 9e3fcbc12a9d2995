namespace TfLiteMicro.Kernels.Reference;

/// <summary>What MEAN's Prepare computes for Invoke (TFLM's <c>OpDataReduce</c>); kept in the arena.</summary>
public struct MeanOpData
{
    /// <summary>Requantization from input to output scale (int8/int16), before the 1/count factor is folded in.</summary>
    public int Multiplier;
    public int Shift;

    public int InputZeroPoint;
    public int OutputZeroPoint;
    public float InputScale;
    public float OutputScale;

    /// <summary>Scratch buffer of one int32 sum per output element (int8/int16), else -1.</summary>
    public int TempSumBufferIndex;

    public bool KeepDims;
}
