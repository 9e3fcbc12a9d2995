using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The per-channel int8 output stage of the convolutions: + bias[c], × multiplier[c] · 2^shift[c] (TFLM's
/// MultiplyByQuantizedMultiplier), + output zero point, clamped to the activation range. Holds pointers into the
/// node's data for the duration of one Eval (set inside the caller's <c>fixed</c> block).
/// </summary>
public unsafe struct Int8Requantization
{
    public int* Bias;
    public int* Multipliers;
    public int* Shifts;
    private readonly int outputOffset;
    private readonly int activationMin;
    private readonly int activationMax;

    public Int8Requantization(int outputOffset, int activationMin, int activationMax)
    {
        Bias = null;
        Multipliers = null;
        Shifts = null;
        this.outputOffset = outputOffset;
        this.activationMin = activationMin;
        this.activationMax = activationMax;
    }

    /// <summary>The int8 output of channel <paramref name="channel"/> for accumulator <paramref name="acc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly sbyte Apply(int acc, int channel)
    {
        if (Bias != null) acc += Bias[channel];
        acc = FixedPointMath.MultiplyByQuantizedMultiplier(acc, Multipliers[channel], Shifts[channel]) + outputOffset;
        return (sbyte)ActivationMath.Clamp(acc, activationMin, activationMax);
    }
}
