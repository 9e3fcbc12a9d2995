namespace TfLiteMicro.Kernels.Reference;

/// <summary>CUMSUM int8 rescaling (TFLM's OpData in cumsum.cc), computed once at Prepare.</summary>
public struct CumsumOpData
{
    public int InputOffset;
    public int OutputOffset;
    public int InputMultiplier;
    public int InputShift;
    public int OutputMultiplier;
    public int OutputShift;
    public int LeftShift;
    public int OutputActivationMin;
    public int OutputActivationMax;
}
