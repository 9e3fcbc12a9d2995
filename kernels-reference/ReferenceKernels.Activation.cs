using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddSoftmax(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.SOFTMAX, Softmax.Kernel);

    public static Status AddLogistic(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOGISTIC, Logistic.Kernel);

    public static Status AddLeakyRelu(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LEAKY_RELU, LeakyRelu.Kernel);

    public static Status AddCast(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CAST, Cast.Kernel);

    public static Status AddMean(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.MEAN, Mean.Kernel);

    static partial void AddActivationKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddSoftmax();
        if (status == Status.Ok) status = resolver.AddLogistic();
        if (status == Status.Ok) status = resolver.AddLeakyRelu();
        if (status == Status.Ok) status = resolver.AddCast();
        if (status == Status.Ok) status = resolver.AddMean();
    }
}
