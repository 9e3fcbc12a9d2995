using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddAveragePool2D(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.AVERAGE_POOL_2D, AveragePool2D.Kernel);

    public static Status AddMaxPool2D(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MAX_POOL_2D, MaxPool2D.Kernel);

    static partial void AddPoolingKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddAveragePool2D();
        if (status == Status.Ok) status = resolver.AddMaxPool2D();
    }
}
