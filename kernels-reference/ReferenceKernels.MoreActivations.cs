using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddRelu(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RELU, Relu.Kernel);

    public static Status AddRelu6(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RELU6, Relu6.Kernel);

    public static Status AddTanh(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.TANH, Tanh.Kernel);

    public static Status AddPrelu(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.PRELU, Prelu.Kernel);

    public static Status AddElu(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.ELU, Elu.Kernel);

    public static Status AddHardSwish(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.HARD_SWISH, HardSwish.Kernel);

    public static Status AddLogSoftmax(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.LOG_SOFTMAX, LogSoftmax.Kernel);

    public static Status AddL2Normalization(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.L2_NORMALIZATION, L2Normalization.Kernel);

    public static Status AddL2Pool2D(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.L2_POOL_2D, L2Pool2D.Kernel);

    // RELU_N1_TO_1, RELU_0_TO_1 and REDUCE_PROD are not registered by TFLM, so they are not here either.
    static partial void AddMoreActivationKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddRelu();
        if (status == Status.Ok) status = resolver.AddRelu6();
        if (status == Status.Ok) status = resolver.AddTanh();
        if (status == Status.Ok) status = resolver.AddPrelu();
        if (status == Status.Ok) status = resolver.AddElu();
        if (status == Status.Ok) status = resolver.AddHardSwish();
        if (status == Status.Ok) status = resolver.AddLogSoftmax();
        if (status == Status.Ok) status = resolver.AddL2Normalization();
        if (status == Status.Ok) status = resolver.AddL2Pool2D();
    }
}
