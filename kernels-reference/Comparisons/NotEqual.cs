namespace TfLiteMicro.Kernels.Reference;

/// <summary>NOT_EQUAL: x != y (true when either is NaN), elementwise with broadcasting, into bool (float32, int32, int64, int8, int16, bool).</summary>
public sealed class NotEqual : ComparisonKernel
{
    public static readonly NotEqual Kernel = new NotEqual();

    private NotEqual()
        : base(ComparisonMath.Less | ComparisonMath.Greater | ComparisonMath.Unordered, acceptsBool: true)
    {
    }
}
