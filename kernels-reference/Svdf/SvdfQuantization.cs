namespace TfLiteMicro.Kernels.Reference;

/// <summary>Zero points and the two requantization multipliers of the integer SVDF.</summary>
public readonly struct SvdfQuantization
{
    public SvdfQuantization(int inputZeroPoint, int stateZeroPoint, int outputZeroPoint,
        int featureMultiplier, int featureShift, int outputMultiplier, int outputShift)
    {
        InputZeroPoint = inputZeroPoint;
        StateZeroPoint = stateZeroPoint;
        OutputZeroPoint = outputZeroPoint;
        FeatureMultiplier = featureMultiplier;
        FeatureShift = featureShift;
        OutputMultiplier = outputMultiplier;
        OutputShift = outputShift;
    }

    public int InputZeroPoint { get; }
    public int StateZeroPoint { get; }
    public int OutputZeroPoint { get; }
    public int FeatureMultiplier { get; }
    public int FeatureShift { get; }
    public int OutputMultiplier { get; }
    public int OutputShift { get; }
}
