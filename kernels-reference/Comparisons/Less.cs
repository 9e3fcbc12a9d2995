namespace TfLiteMicro.Kernels.Reference;

/// <summary>LESS: x &lt; y, elementwise with broadcasting, into bool (float32, int32, int64, int8, int16).</summary>
public sealed class Less : ComparisonKernel
{
    public static readonly Less Kernel = new Less();

    private Less()
        : base(ComparisonMath.Less, acceptsBool: false)
    {
    }
}
