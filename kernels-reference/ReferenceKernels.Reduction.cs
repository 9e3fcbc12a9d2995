using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSum(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SUM, ReduceSum.Kernel);

    public static Status AddReduceMax(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.REDUCE_MAX, ReduceMax.Kernel);

    public static Status AddReduceMin(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.REDUCE_MIN, ReduceMin.Kernel);

    public static Status AddReduceAll(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.REDUCE_ALL, ReduceAll.Kernel);

    // MEAN is registered with the activation group (ReferenceKernels.Activation.cs).
    static partial void AddReductionKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddSum();
        if (status == Status.Ok) status = resolver.AddReduceMax();
        if (status == Status.Ok) status = resolver.AddReduceMin();
        if (status == Status.Ok) status = resolver.AddReduceAll();
    }
}
