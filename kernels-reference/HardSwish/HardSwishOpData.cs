namespace TfLiteMicro.Kernels.Reference;

/// <summary>What HARD_SWISH's Prepare computes for Invoke (TFLM's <c>HardSwishParams</c>); kept in the arena.</summary>
public struct HardSwishOpData
{
    public short InputZeroPoint;
    public short OutputZeroPoint;

    /// <summary>Input (on a 128× finer scale) to the scale where 3.0 is 32768: Q0.15 multiplier and exponent.</summary>
    public short ReluishMultiplierFixedPointInt16;
    public int ReluishMultiplierExponent;

    /// <summary>Input (on a 128× finer scale) to the output scale: Q0.15 multiplier and (non-positive) exponent.</summary>
    public short OutputMultiplierFixedPointInt16;
    public int OutputMultiplierExponent;
}
