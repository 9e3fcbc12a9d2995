using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

public static partial class ReferenceKernels
{
    public static Status AddConv2D(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.CONV_2D, Conv2D.Kernel);

    public static Status AddDepthwiseConv2D(this OpResolver resolver) =>
        resolver.AddBuiltin(BuiltinOperator.DEPTHWISE_CONV_2D, DepthwiseConv2D.Kernel);

    public static Status AddTransposeConv(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.TRANSPOSE_CONV, TransposeConv.Kernel);

    /// <summary>MediaPipe's custom "Convolution2DTransposeBias" (float32 transpose convolution + bias).</summary>
    public static Status AddConvolution2DTransposeBias(this OpResolver resolver) =>
        resolver.AddCustom(Convolution2DTransposeBias.CustomName, Convolution2DTransposeBias.Kernel);

    static partial void AddConvolutionKernels(OpResolver resolver, ref Status status)
    {
        if (status == Status.Ok) status = resolver.AddConv2D();
        if (status == Status.Ok) status = resolver.AddDepthwiseConv2D();
        if (status == Status.Ok) status = resolver.AddTransposeConv();
        if (status == Status.Ok) status = resolver.AddConvolution2DTransposeBias();
    }
}
