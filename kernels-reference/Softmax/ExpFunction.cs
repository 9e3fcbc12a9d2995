namespace TfLiteMicro.Kernels.Reference;

/// <summary>e^x as TFLM's <c>[](float v) { return std::exp(v); }</c> table generator sees it.</summary>
public struct ExpFunction : ILookupFunction
{
    public float Evaluate(float value) => ExpMath.ExpCorrectlyRounded(value);
}
