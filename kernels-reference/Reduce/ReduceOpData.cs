namespace TfLiteMicro.Kernels.Reference;

/// <summary>What the reductions' Prepare computes for Invoke (TFLM's <c>OpDataReduce</c>); kept in the arena.</summary>
public struct ReduceOpData
{
    /// <summary>SUM int8/int16: requantization from input to output scale.</summary>
    public int Multiplier;
    public int Shift;

    public int InputZeroPoint;
    public int OutputZeroPoint;

    /// <summary>SUM int8/int16: scratch buffer of one int32 sum per output element, else -1.</summary>
    public int TempSumBufferIndex;

    public bool KeepDims;
}
