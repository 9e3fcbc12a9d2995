namespace TfLiteMicro.Kernels.Reference;

/// <summary>What CONCATENATION's Prepare computes for Invoke.</summary>
public struct ConcatenationOpData
{
    /// <summary>The concatenation axis, made non-negative.</summary>
    public int Axis;
}
