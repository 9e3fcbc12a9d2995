namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Requantization of one gate matmul into the gate's int16 Q3.12 pre-activation (TFLM's
/// <c>FullyConnectedParams</c> as <c>CreateGateParams</c> fills it: per-tensor multiplier, offsets, no fused
/// activation, so the clamp is the int16 range).
/// </summary>
public struct LstmFullyConnectedParams
{
    /// <summary>Minus the activation's zero point (ignored by the int16-activation matmul, as in TFLM).</summary>
    public int InputOffset;

    /// <summary>Minus the weights' zero point.</summary>
    public int WeightsOffset;

    /// <summary>The gate pre-activation's zero point: always 0 (symmetric Q3.12).</summary>
    public int OutputOffset;

    public int Multiplier;
    public int Shift;
    public int ActivationMin;
    public int ActivationMax;
}
