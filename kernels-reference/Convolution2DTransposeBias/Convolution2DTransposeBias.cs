namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MediaPipe's custom op "Convolution2DTransposeBias": float32 TRANSPOSE_CONV whose outputs start at the bias (see
/// <see cref="Convolution2DTransposeBiasCommon"/>); the scatter is TRANSPOSE_CONV's (<see cref="TransposeConvMath"/>).
/// Register it with <c>resolver.AddConvolution2DTransposeBias()</c>.
/// </summary>
public sealed unsafe class Convolution2DTransposeBias : OpKernel
{
    public static readonly Convolution2DTransposeBias Kernel = new Convolution2DTransposeBias();

    /// <summary>The custom code MediaPipe's converter writes.</summary>
    public static System.ReadOnlySpan<byte> CustomName => "Convolution2DTransposeBias"u8;

    public override Status Init(KernelContext context, ref Node node) => Convolution2DTransposeBiasCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => Convolution2DTransposeBiasCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        TransposeConvOpData* data = (TransposeConvOpData*)node.UserData;
        TransposeConvMath.EvalFloatBiasFirst(data->Geometry,
            context.GetInput(ref node, Convolution2DTransposeBiasCommon.InputTensor).AsReadOnlySpan<float>(),
            context.GetInput(ref node, Convolution2DTransposeBiasCommon.WeightsTensor).AsReadOnlySpan<float>(),
            context.GetInput(ref node, Convolution2DTransposeBiasCommon.BiasTensor).AsReadOnlySpan<float>(),
            context.GetOutput(ref node, Convolution2DTransposeBiasCommon.OutputTensor).AsSpan<float>());
        return Status.Ok;
    }
}
