namespace TfLiteMicro.Kernels.Reference;

/// <summary>DEQUANTIZE's per-node parameters: the input's scale and zero point.</summary>
public struct DequantizeOpData
{
    public float Scale;
    public int ZeroPoint;
}
