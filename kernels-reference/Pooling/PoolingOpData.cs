namespace TfLiteMicro.Kernels.Reference;

/// <summary>What AVERAGE_POOL_2D / MAX_POOL_2D's Prepare computes for Invoke (TFLM's OpDataPooling).</summary>
public struct PoolingOpData
{
    public int StrideHeight;
    public int StrideWidth;
    public int FilterHeight;
    public int FilterWidth;

    /// <summary>Rows/columns of implicit padding before the input (SAME padding; 0 for VALID).</summary>
    public int PaddingHeight;
    public int PaddingWidth;

    /// <summary>Clamp range after the fused activation (int8/int16).</summary>
    public int ActivationMin;
    public int ActivationMax;

    /// <summary>Clamp range after the fused activation (float32).</summary>
    public float FloatActivationMin;
    public float FloatActivationMax;
}
