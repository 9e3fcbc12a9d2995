namespace TfLiteMicro.Kernels.Reference;

/// <summary>What L2_POOL_2D's Prepare computes for Invoke; kept in the arena.</summary>
public struct L2Pool2DOpData
{
    public int StrideHeight;
    public int StrideWidth;
    public int FilterHeight;
    public int FilterWidth;
    public int PaddingHeight;
    public int PaddingWidth;
    public float ActivationMin;
    public float ActivationMax;
}
