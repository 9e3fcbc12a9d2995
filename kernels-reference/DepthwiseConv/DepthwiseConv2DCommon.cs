using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEPTHWISE_CONV_2D's Init and Prepare, shared with ports (TFLM's depthwise_conv_common.cc): validates the tensors
/// and options, computes geometry and padding, and the per-channel requantization into <see cref="DepthwiseConv2DOpData"/>.
/// </summary>
public static unsafe class DepthwiseConv2DCommon
{
    public const int InputTensor = 0;
    public const int FilterTensor = 1;
    public const int BiasTensor = 2;
    public const int OutputTensor = 0;

    /// <summary>Depthwise weights [1, H, W, C·M] are quantized along dimension 3 (output channels).</summary>
    public const int QuantizedDimension = 3;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(DepthwiseConv2DOpData));
        if (data == null) return context.Errors.LastStatus;
        *(DepthwiseConv2DOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        DepthwiseConv2DOpData* data = (DepthwiseConv2DOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 2 || node.InputCount > 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 or 3 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        DepthwiseConv2DOptions options = new DepthwiseConv2DOptions(node.BuiltinOptions);

        Status status = CheckTypes(context, input, filter, bias, output);
        if (status != Status.Ok) return status;
        status = ConvolutionChecks.ExpectRank4(context, input, "input"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, filter, "filter"u8);
        if (status == Status.Ok) status = ConvolutionChecks.ExpectRank4(context, output, "output"u8);
        if (status != Status.Ok) return status;
        int activation = (int)options.FusedActivationFunction;
        status = ConvolutionChecks.CheckWindowOptions(errors, options.Padding, options.StrideH, options.StrideW,
            options.DilationHFactor, options.DilationWFactor, activation);
        if (status != Status.Ok) return status;

        ref ConvolutionGeometry g = ref data->Geometry;
        g.Batches = input.Dim(0);
        g.InputHeight = input.Dim(1);
        g.InputWidth = input.Dim(2);
        g.InputDepth = input.Dim(3);
        g.FilterHeight = filter.Dim(1);
        g.FilterWidth = filter.Dim(2);
        g.FilterInputDepth = 1;
        g.OutputHeight = output.Dim(1);
        g.OutputWidth = output.Dim(2);
        g.OutputDepth = output.Dim(3);
        g.StrideHeight = options.StrideH;
        g.StrideWidth = options.StrideW;
        g.DilationHeight = options.DilationHFactor;
        g.DilationWidth = options.DilationWFactor;
        bool same = options.Padding == Padding.SAME;
        g.PaddingHeight = ConvolutionPadding.PaddingFor(same, g.StrideHeight, g.DilationHeight, g.InputHeight, g.FilterHeight);
        g.PaddingWidth = ConvolutionPadding.PaddingFor(same, g.StrideWidth, g.DilationWidth, g.InputWidth, g.FilterWidth);
        status = ConvolutionChecks.CheckWindows(errors, in g);
        if (status != Status.Ok) return status;

        if (output.Dim(0) != g.Batches)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has batch "u8).Append(output.Dim(0))
                .Append(", input tensor "u8).Append(input.Index).Append(" has "u8).Append(g.Batches);
        if (filter.Dim(0) != 1 || filter.Dim(3) != g.OutputDepth)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" must be [1, H, W, "u8)
                .Append(g.OutputDepth).Append("], has first dimension "u8).Append(filter.Dim(0)).Append(" and last "u8).Append(filter.Dim(3));
        if (g.InputDepth <= 0 || g.OutputDepth <= 0 || g.OutputDepth % g.InputDepth != 0)
            return errors.Fail(Status.Error, "output depth "u8).Append(g.OutputDepth).Append(" is not a multiple of the input depth "u8)
                .Append(g.InputDepth);
        // TFLM loops with the option's depth_multiplier; newer converters may leave it 0, so the shapes decide and a
        // contradicting option is an error.
        g.DepthMultiplier = g.OutputDepth / g.InputDepth;
        if (options.DepthMultiplier > 0 && options.DepthMultiplier != g.DepthMultiplier)
            return errors.Fail(Status.Error, "depth_multiplier "u8).Append(options.DepthMultiplier).Append(" contradicts the shapes: "u8)
                .Append(g.OutputDepth).Append(" output channels for "u8).Append(g.InputDepth).Append(" input channels"u8);
        if (bias.Exists && bias.ElementCount != g.OutputDepth)
            return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" has "u8).Append(bias.ElementCount)
                .Append(" elements, expected "u8).Append(g.OutputDepth);

        bool hybridWeights = input.Type == TensorType.Float32 && filter.Type != TensorType.Float32;
        Status decompressionStatus = WeightDecompression.Request(context, ref node, FilterTensor, BiasTensor, hybridWeights,
            out data->FilterDecompressionIndex, out data->BiasDecompressionIndex);
        if (decompressionStatus != Status.Ok) return decompressionStatus;

        if (input.Type == TensorType.Float32)
        {
            data->ScratchBufferIndex = -1;
            QuantizationMath.CalculateActivationRange(activation, out data->FloatActivationMin, out data->FloatActivationMax);
            data->DequantizedFilter = null;
            if (filter.Type == TensorType.Float32) return Status.Ok;
            return HybridWeights.Dequantize(context, filter, g.OutputDepth, QuantizedDimension, out data->DequantizedFilter);
        }
        if (input.Type == TensorType.UInt8)
        {
            data->ScratchBufferIndex = -1;
            data->FilterScratchIndex = -1;
            if (!LegacyUInt8Kernels.Enabled) return LegacyUInt8Kernels.NotLinked(context);
            return LegacyUInt8Kernels.PrepareConvolution(context, input, filter, bias, output, activation, out data->UInt8);
        }
        // int16: one int64 accumulator per output channel, so Invoke sums all channels of a pixel at once (the int8
        // kernel keeps its sums in locals).
        data->ScratchBufferIndex = -1;
        if (input.Type == TensorType.Int16)
        {
            status = context.RequestScratchBuffer((long)g.OutputDepth * sizeof(long), out data->ScratchBufferIndex);
            if (status != Status.Ok) return status;
        }
        data->FilterScratchIndex = -1;
        if (filter.Type == TensorType.Int4)
        {
            status = context.RequestScratchBuffer(filter.ElementCount, out data->FilterScratchIndex);
            if (status != Status.Ok) return status;
        }
        return ConvolutionChecks.PrepareQuantized(context, input, filter, output, activation, g.OutputDepth, QuantizedDimension,
            requireZeroPointPerScale: input.Type == TensorType.Int8, out data->PerChannelMultipliers, out data->PerChannelShifts,
            out data->InputOffset, out data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }

    /// <summary>TFLM's combinations: float32 × float32 (or hybrid float32 × int8, which TFLM refuses), int8 × int8 (int32 bias), int16 × int8 (int64 bias).</summary>
    private static Status CheckTypes(KernelContext context, TensorInfo input, TensorInfo filter, TensorInfo bias, TensorInfo output)
    {
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        switch (input.Type)
        {
            case TensorType.Float32:
                // int8 weights ("hybrid", refused by TFLM) are checked and dequantized by HybridWeights.
                if (filter.Type != TensorType.Int8) status = context.ExpectType(filter, TensorType.Float32, "filter"u8);
                if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Float32, "bias"u8);
                return status;
            case TensorType.Int8:
                if (filter.Type == TensorType.Int4) status = Status.Ok;
                else status = context.ExpectType(filter, TensorType.Int8, "filter"u8);
                if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Int32, "bias"u8);
                return status;
            case TensorType.Int16:
                // TFLM's 16x8 depthwise kernel reads the bias as int64 only.
                status = context.ExpectType(filter, TensorType.Int8, "filter"u8);
                if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Int64, "bias"u8);
                return status;
            case TensorType.UInt8:
                return Status.Ok; // legacy uint8: LegacyUInt8Quantization checks the filter, bias and output types
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }
}
