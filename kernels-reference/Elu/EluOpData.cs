namespace TfLiteMicro.Kernels.Reference;

/// <summary>What ELU's Prepare computes for Invoke (TFLM elu.cc's <c>OpData</c>); kept in the arena.</summary>
public unsafe struct EluOpData
{
    /// <summary>int8: output for every input value, indexed by the input's byte (two's complement) value.</summary>
    public fixed sbyte Table[256];
}
