using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TRANSPOSE_CONV's Init and Prepare, shared with ports (TFLM's transpose_conv.cc). Inputs: 0 output shape, 1 filter
/// [O, H, W, I], 2 data input, 3 optional bias. Like TFLM (which has no dynamic tensors), the output-shape input is
/// never read — it may be constant or fed at run time — and the output tensor's static shape is the output shape.
/// </summary>
public static unsafe class TransposeConvCommon
{
    public const int OutputShapeTensor = 0;
    public const int FilterTensor = 1;
    public const int InputTensor = 2;
    public const int BiasTensor = 3;
    public const int OutputTensor = 0;

    /// <summary>Weights are quantized along dimension 0 (output channels).</summary>
    public const int QuantizedDimension = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(TransposeConvOpData));
        if (data == null) return context.Errors.LastStatus;
        *(TransposeConvOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        TransposeConvOpData* data = (TransposeConvOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 3 || node.InputCount > 4 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 3 or 4 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        TransposeConvOptions options = new TransposeConvOptions(node.BuiltinOptions);
        if (!input.Exists || !filter.Exists)
            return errors.Fail(Status.Error, "filter (input 1) and data input (input 2) are required"u8);

        Status status = CheckTypes(context, input, filter, bias, output);
        if (status != Status.Ok) return status;
        status = ConvolutionChecks.ExpectRank4(context, input, "input"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, filter, "filter"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, output, "output"u8);
        if (status != Status.Ok) return status;
        int activation = (int)options.FusedActivationFunction;
        status = ConvolutionChecks.CheckWindowOptions(errors, options.Padding, options.StrideH, options.StrideW, 1, 1, activation);
        if (status != Status.Ok) return status;

        ref ConvolutionGeometry g = ref data->Geometry;
        g.Batches = input.Dim(0);
        g.InputHeight = input.Dim(1);
        g.InputWidth = input.Dim(2);
        g.InputDepth = input.Dim(3);
        g.FilterHeight = filter.Dim(1);
        g.FilterWidth = filter.Dim(2);
        g.FilterInputDepth = filter.Dim(3);
        g.OutputHeight = output.Dim(1);
        g.OutputWidth = output.Dim(2);
        g.OutputDepth = output.Dim(3);
        g.StrideHeight = options.StrideH;
        g.StrideWidth = options.StrideW;
        g.DilationHeight = 1;
        g.DilationWidth = 1;
        g.DepthMultiplier = 1;
        // TFLM computes the padding of the equivalent forward convolution, whose input is this op's output.
        bool same = options.Padding == Padding.SAME;
        g.PaddingHeight = ConvolutionPadding.PaddingFor(same, g.StrideHeight, 1, g.OutputHeight, g.FilterHeight);
        g.PaddingWidth = ConvolutionPadding.PaddingFor(same, g.StrideWidth, 1, g.OutputWidth, g.FilterWidth);
        // Input positions × stride − padding + tap: the same arithmetic as a convolution, over the input.
        status = WindowChecks.CheckAxis(errors, "height"u8, g.InputHeight, g.FilterHeight, g.StrideHeight, 1, g.PaddingHeight);
        if (status == Status.Ok) status = WindowChecks.CheckAxis(errors, "width"u8, g.InputWidth, g.FilterWidth, g.StrideWidth, 1, g.PaddingWidth);
        if (status != Status.Ok) return status;

        if (output.Dim(0) != g.Batches)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has batch "u8).Append(output.Dim(0))
                .Append(", input tensor "u8).Append(input.Index).Append(" has "u8).Append(g.Batches);
        if (filter.Dim(3) != g.InputDepth || filter.Dim(0) != g.OutputDepth)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" must be ["u8).Append(g.OutputDepth)
                .Append(", H, W, "u8).Append(g.InputDepth).Append("] (output depth, ..., input depth), is ["u8).Append(filter.Dim(0))
                .Append(", "u8).Append(filter.Dim(1)).Append(", "u8).Append(filter.Dim(2)).Append(", "u8).Append(filter.Dim(3)).Append(']');
        if (bias.Exists && bias.ElementCount != g.OutputDepth)
            return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" has "u8).Append(bias.ElementCount)
                .Append(" elements, expected "u8).Append(g.OutputDepth);

        Status decompressionStatus = WeightDecompression.Request(context, ref node, FilterTensor, BiasTensor, filterDecodedAtPrepare: false,
            out data->FilterDecompressionIndex, out data->BiasDecompressionIndex);
        if (decompressionStatus != Status.Ok) return decompressionStatus;

        if (input.Type == TensorType.Float32)
        {
            QuantizationMath.CalculateActivationRange(activation, out data->FloatActivationMin, out data->FloatActivationMax);
            return Status.Ok;
        }

        int accumulatorBytes = input.Type == TensorType.Int16 ? sizeof(long) : sizeof(int);
        status = context.RequestScratchBuffer((long)g.OutputElementCount * accumulatorBytes, out data->ScratchBufferIndex);
        if (status != Status.Ok) return status;
        // TFLM quantizes TRANSPOSE_CONV with no fused activation (kTfLiteActNone) whatever the options say: the clamp
        // is the output type's range.
        return ConvolutionChecks.PrepareQuantized(context, input, filter, output, QuantizationMath.ActivationNone, g.OutputDepth,
            QuantizedDimension, requireZeroPointPerScale: true, out data->PerChannelMultipliers, out data->PerChannelShifts,
            out data->InputOffset, out data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }

    /// <summary>float32 × float32; int8 × int8 (int32 bias); int16 × int8 (int64 bias, or TFLM's legacy int16 bias).</summary>
    private static Status CheckTypes(KernelContext context, TensorInfo input, TensorInfo filter, TensorInfo bias, TensorInfo output)
    {
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                if (filter.Type == TensorType.Int8)
                    return context.Errors.Fail(Status.Error, "hybrid models (float32 input, int8 filter tensor "u8).Append(filter.Index)
                        .Append(") are not supported, as in TFLM"u8);
                status = context.ExpectType(filter, TensorType.Float32, "filter"u8);
                if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Float32, "bias"u8);
                return status;
            case TensorType.Int8:
                status = context.ExpectType(filter, TensorType.Int8, "filter"u8);
                if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Int32, "bias"u8);
                return status;
            case TensorType.Int16:
                status = context.ExpectType(filter, TensorType.Int8, "filter"u8);
                if (status == Status.Ok && bias.Exists && bias.Type != TensorType.Int16)
                    status = context.ExpectType(bias, TensorType.Int64, "bias"u8);
                return status;
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }
}
