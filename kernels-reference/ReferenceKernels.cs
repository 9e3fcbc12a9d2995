using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Registration of the reference kernels: one extension method per operator, so an application registers only
/// the ops its model needs (<c>resolver.AddFullyConnected()</c>) and nothing else gets linked; tools and tests
/// call <see cref="AddAll"/>. Each group of operators registers itself in its own partial file
/// (<c>ReferenceKernels.&lt;Group&gt;.cs</c>).
/// </summary>
public static partial class ReferenceKernels
{
    public static Status AddFullyConnected(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.FULLY_CONNECTED, FullyConnected.Kernel);

    public static Status AddQuantize(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.QUANTIZE, Quantize.Kernel);

    public static Status AddDequantize(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.DEQUANTIZE, Dequantize.Kernel);

    public static Status AddReshape(this OpResolver resolver) => resolver.AddBuiltin(BuiltinOperator.RESHAPE, Reshape.Kernel);

    /// <summary>
    /// Lets the reference kernels run TFLite's legacy uint8 models (asymmetric uint8 quantization, which TFLM does not
    /// have). Always on on a .NET host and with <see cref="AddAll"/>; a firmware calls it once before creating an
    /// interpreter for a uint8 model (without it such a model fails in Prepare with a message saying so, and the
    /// uint8 code is not linked: int8 and float images do not carry it).
    /// </summary>
    public static void EnableLegacyUInt8() => LegacyUInt8Kernels.Enable();

    /// <summary>Adds every reference kernel to <paramref name="resolver"/> (uint8 included); stops at the first failure.</summary>
    public static Status AddAll(OpResolver resolver)
    {
        EnableLegacyUInt8();
        Status status = resolver.AddFullyConnected();
        if (status == Status.Ok) status = resolver.AddQuantize();
        if (status == Status.Ok) status = resolver.AddDequantize();
        if (status == Status.Ok) status = resolver.AddReshape();
        AddElementwiseKernels(resolver, ref status);
        AddConvolutionKernels(resolver, ref status);
        AddDataMovementKernels(resolver, ref status);
        AddPoolingKernels(resolver, ref status);
        AddActivationKernels(resolver, ref status);
        AddSequenceKernels(resolver, ref status);
        AddSignalKernels(resolver, ref status);
        AddUnaryMathKernels(resolver, ref status);
        AddComparisonKernels(resolver, ref status);
        AddReductionKernels(resolver, ref status);
        AddShapeKernels(resolver, ref status);
        AddMoreActivationKernels(resolver, ref status);
        AddMatrixKernels(resolver, ref status);
        AddControlFlowKernels(resolver, ref status);
        return status;
    }

    // Each group implements its method in ReferenceKernels.<Group>.cs: `if (status == Status.Ok) status = resolver.AddXxx();`
    // for each of its operators. A group that is not there yet simply adds nothing.
    static partial void AddElementwiseKernels(OpResolver resolver, ref Status status);
    static partial void AddConvolutionKernels(OpResolver resolver, ref Status status);
    static partial void AddDataMovementKernels(OpResolver resolver, ref Status status);
    static partial void AddPoolingKernels(OpResolver resolver, ref Status status);
    static partial void AddActivationKernels(OpResolver resolver, ref Status status);
    static partial void AddSequenceKernels(OpResolver resolver, ref Status status);
    static partial void AddSignalKernels(OpResolver resolver, ref Status status);
    static partial void AddUnaryMathKernels(OpResolver resolver, ref Status status);
    static partial void AddComparisonKernels(OpResolver resolver, ref Status status);
    static partial void AddReductionKernels(OpResolver resolver, ref Status status);
    static partial void AddShapeKernels(OpResolver resolver, ref Status status);
    static partial void AddMoreActivationKernels(OpResolver resolver, ref Status status);
    static partial void AddMatrixKernels(OpResolver resolver, ref Status status);
    static partial void AddControlFlowKernels(OpResolver resolver, ref Status status);
}
