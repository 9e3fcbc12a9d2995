namespace TfLiteMicro.Kernels.Reference;

/// <summary>GREATER: x &gt; y, elementwise with broadcasting, into bool (float32, int32, int64, int8, int16).</summary>
public sealed class Greater : ComparisonKernel
{
    public static readonly Greater Kernel = new Greater();

    private Greater()
        : base(ComparisonMath.Greater, acceptsBool: false)
    {
    }
}
