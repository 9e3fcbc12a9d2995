using System;

namespace TfLiteMicro.Kernels.Reference;

// Legacy uint8 (TFLite's asymmetric quantization; TFLM has none) is reached only through the function pointers below,
// which ReferenceKernels.EnableLegacyUInt8 sets. ilc compiles only what a program can reach, so a firmware for int8 or
// float models that never calls it does not link the uint8 code (5.3 KB of the int8 KWS image): the same arrangement as
// MicroInterpreter.EnableCompression (TFLM's USE_TFLM_COMPRESSION). Prepare refuses a uint8 node with a message saying
// so when they are not set, so Eval reaches a pointer only after Prepare accepted a uint8 node, i.e. when it is set.
// On a .NET host they are set from the start (LegacyUInt8Kernels.Host.cs). DETECTION_POSTPROCESS's uint8 inputs are
// a dequantization into its float path (DetectionPostProcessUInt8, ~200 bytes) and stay linked with that operator.
internal static unsafe partial class LegacyUInt8Kernels
{
    internal static delegate*<KernelContext, TensorInfo, TensorInfo, TensorInfo, TensorInfo, int, out LegacyUInt8Parameters*, Status> PrepareConvolution;
    internal static delegate*<in ConvolutionGeometry, ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<int>, Span<byte>, in LegacyUInt8Parameters, void> Conv2DEval;
    internal static delegate*<in ConvolutionGeometry, ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<int>, Span<byte>, in LegacyUInt8Parameters, void> DepthwiseConv2DEval;
    internal static delegate*<ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<int>, Span<byte>, int, int, int, in LegacyUInt8Parameters, void> FullyConnectedEval;
    internal static delegate*<in PoolingMath.Geometry, ReadOnlySpan<byte>, Span<byte>, int, int, bool> AveragePool;
    internal static delegate*<in PoolingMath.Geometry, ReadOnlySpan<byte>, Span<byte>, int, int, void> MaxPool;
    internal static delegate*<KernelContext, SoftmaxOpData*, TensorInfo, TensorInfo, float, Status> SoftmaxPrepare;
    internal static delegate*<ReadOnlySpan<byte>, Span<byte>, int, ReadOnlySpan<float>, float, void> SoftmaxEval;
    internal static delegate*<KernelContext, LogisticOpData*, TensorInfo, TensorInfo, Status> LogisticPrepare;
    internal static delegate*<ReadOnlySpan<byte>, Span<byte>, ReadOnlySpan<byte>, void> LogisticEval;
    internal static delegate*<in AddOpData, ReadOnlySpan<byte>, ReadOnlySpan<byte>, Span<byte>, void> AddEval;
    internal static delegate*<KernelContext, ref Node, ConcatenationOpData*, TensorInfo, Status> ConcatenationPrepare;
    internal static delegate*<ReadOnlySpan<byte>, Span<byte>, int, int, int, int, in ConcatenationUInt8Input, int, void> ConcatenationCopyInput;

    internal static void Enable()
    {
        PrepareConvolution = &LegacyUInt8Quantization.PrepareConvolutionData;
        Conv2DEval = &Conv2DUInt8.Eval;
        DepthwiseConv2DEval = &DepthwiseConv2DUInt8.Eval;
        FullyConnectedEval = &FullyConnectedUInt8.Eval;
        AveragePool = &PoolingUInt8.AveragePool;
        MaxPool = &PoolingUInt8.MaxPool;
        SoftmaxPrepare = &SoftmaxUInt8.Prepare;
        SoftmaxEval = &SoftmaxUInt8.Eval;
        LogisticPrepare = &LogisticUInt8.Prepare;
        LogisticEval = &LogisticUInt8.Eval;
        AddEval = &AddUInt8.Eval;
        ConcatenationPrepare = &ConcatenationUInt8.Prepare;
        ConcatenationCopyInput = &ConcatenationUInt8.CopyInput;
    }

    /// <summary>Whether the uint8 kernels are linked (every pointer is set at once).</summary>
    internal static bool Enabled => PrepareConvolution != null;

    /// <summary>A uint8 node's Prepare when the uint8 kernels are not linked.</summary>
    internal static Status NotLinked(KernelContext context) =>
        context.Errors.Fail(Status.UnsupportedOperator,
            "the model has legacy uint8 tensors but the uint8 kernels are not linked: call ReferenceKernels.EnableLegacyUInt8() before creating the interpreter"u8);
}
