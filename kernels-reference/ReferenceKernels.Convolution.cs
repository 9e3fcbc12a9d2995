using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddConv2D(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CONV_2D, Conv2D.Kernel);

    public static Status AddDepthwiseConv2D(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.DEPTHWISE_CONV_2D, DepthwiseConv2D.Kernel);

    public static Status AddTransposeConv(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.TRANSPOSE_CONV, TransposeConv.Kernel);

    static partial void AddConvolutionKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddConv2D();
        if (status == Status.Ok) status = resolver.AddDepthwiseConv2D();
        if (status == Status.Ok) status = resolver.AddTransposeConv();
    }
}
