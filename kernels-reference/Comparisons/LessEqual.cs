namespace TfLiteMicro.Kernels.Reference;

/// <summary>LESS_EQUAL: x &lt;= y, elementwise with broadcasting, into bool (float32, int32, int64, int8, int16).</summary>
public sealed class LessEqual : ComparisonKernel
{
    public static readonly LessEqual Kernel = new LessEqual();

    private LessEqual()
        : base(ComparisonMath.Less | ComparisonMath.Equal, acceptsBool: false)
    {
    }
}
