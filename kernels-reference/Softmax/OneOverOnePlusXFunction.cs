namespace TfLiteMicro.Kernels.Reference;

/// <summary>1 / (1 + x) in float, as TFLM's <c>[](float v) { return 1.0f / (1.0f + v); }</c>.</summary>
public struct OneOverOnePlusXFunction : ILookupFunction
{
    public float Evaluate(float value) => 1.0f / (1.0f + value);
}
