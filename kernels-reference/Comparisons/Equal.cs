namespace TfLiteMicro.Kernels.Reference;

/// <summary>EQUAL: x == y, elementwise with broadcasting, into bool (float32, int32, int64, int8, int16, bool).</summary>
public sealed class Equal : ComparisonKernel
{
    public static readonly Equal Kernel = new Equal();

    private Equal()
        : base(ComparisonMath.Equal, acceptsBool: true)
    {
    }
}
