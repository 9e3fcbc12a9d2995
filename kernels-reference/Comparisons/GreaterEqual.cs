namespace TfLiteMicro.Kernels.Reference;

/// <summary>GREATER_EQUAL: x &gt;= y, elementwise with broadcasting, into bool (float32, int32, int64, int8, int16).</summary>
public sealed class GreaterEqual : ComparisonKernel
{
    public static readonly GreaterEqual Kernel = new GreaterEqual();

    private GreaterEqual()
        : base(ComparisonMath.Greater | ComparisonMath.Equal, acceptsBool: false)
    {
    }
}
