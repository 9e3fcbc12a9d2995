namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// A float function sampled into a lookup table at Prepare. Implemented by small structs and passed as a generic
/// argument, so the call is resolved at compile time (no delegate, no interface dispatch at run time).
/// </summary>
public interface ILookupFunction
{
    float Evaluate(float value);
}
