using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONV_2D's Init and Prepare, shared with ports (TFLM's conv_common.cc): validates the tensors and options, computes
/// the geometry and padding, and the per-channel requantization parameters into <see cref="Conv2DOpData"/>.
/// </summary>
public static unsafe class Conv2DCommon
{
    public const int InputTensor = 0;
    public const int FilterTensor = 1;
    public const int BiasTensor = 2;
    public const int OutputTensor = 0;

    /// <summary>CONV_2D weights are quantized along dimension 0 (output channels).</summary>
    public const int QuantizedDimension = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(Conv2DOpData));
        if (data == null) return context.Errors.LastStatus;
        *(Conv2DOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Conv2DOpData* data = (Conv2DOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 2 || node.InputCount > 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 or 3 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Conv2DOptions options = new Conv2DOptions(node.BuiltinOptions);

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
        g.FilterInputDepth = filter.Dim(3);
        g.OutputHeight = output.Dim(1);
        g.OutputWidth = output.Dim(2);
        g.OutputDepth = output.Dim(3);
        g.StrideHeight = options.StrideH;
        g.StrideWidth = options.StrideW;
        g.DilationHeight = options.DilationHFactor;
        g.DilationWidth = options.DilationWFactor;
        g.DepthMultiplier = 1;
        bool same = options.Padding == Padding.SAME;
        g.PaddingHeight = ConvolutionPadding.PaddingFor(same, g.StrideHeight, g.DilationHeight, g.InputHeight, g.FilterHeight);
        g.PaddingWidth = ConvolutionPadding.PaddingFor(same, g.StrideWidth, g.DilationWidth, g.InputWidth, g.FilterWidth);
        status = ConvolutionChecks.CheckWindows(errors, in g);
        if (status != Status.Ok) return status;

        if (output.Dim(0) != g.Batches)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has batch "u8).Append(output.Dim(0))
                .Append(", input tensor "u8).Append(input.Index).Append(" has "u8).Append(g.Batches);
        if (filter.Dim(0) != g.OutputDepth)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(filter.Dim(0))
                .Append(" output channels, output tensor "u8).Append(output.Index).Append(" has "u8).Append(g.OutputDepth);
        if (g.FilterInputDepth <= 0 || g.InputDepth % g.FilterInputDepth != 0 || g.InputDepth == 0)
            return errors.Fail(Status.Error, "input depth "u8).Append(g.InputDepth).Append(" of tensor "u8).Append(input.Index)
                .Append(" is not a multiple of the filter depth "u8).Append(g.FilterInputDepth);
        int groups = g.InputDepth / g.FilterInputDepth;
        if (g.OutputDepth % groups != 0 || g.OutputDepth == 0)
            return errors.Fail(Status.Error, "output depth "u8).Append(g.OutputDepth).Append(" is not a multiple of the "u8)
                .Append(groups).Append(" groups (input depth / filter depth)"u8);
        if (bias.Exists && bias.ElementCount != g.OutputDepth)
            return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" has "u8).Append(bias.ElementCount)
                .Append(" elements, expected "u8).Append(g.OutputDepth);

        bool hybridWeights = input.Type == TensorType.Float32 && filter.Type != TensorType.Float32;
        Status decompressionStatus = WeightDecompression.Request(context, ref node, FilterTensor, BiasTensor, hybridWeights,
            out data->FilterDecompressionIndex, out data->BiasDecompressionIndex);
        if (decompressionStatus != Status.Ok) return decompressionStatus;

        if (input.Type == TensorType.Float32)
        {
            QuantizationMath.CalculateActivationRange(activation, out data->FloatActivationMin, out data->FloatActivationMax);
            data->DequantizedFilter = null;
            if (filter.Type == TensorType.Float32) return Status.Ok;
            return HybridWeights.Dequantize(context, filter, g.OutputDepth, QuantizedDimension, out data->DequantizedFilter);
        }
        data->FilterScratchIndex = -1;
        if (input.Type == TensorType.UInt8)
            return LegacyUInt8Quantization.PrepareConvolution(context, input, filter, bias, output, activation, out data->UInt8);
        if (filter.Type == TensorType.Int4)
        {
            status = context.RequestScratchBuffer(filter.ElementCount, out data->FilterScratchIndex);
            if (status != Status.Ok) return status;
        }
        return ConvolutionChecks.PrepareQuantized(context, input, filter, output, activation, g.OutputDepth, QuantizedDimension,
            requireZeroPointPerScale: false, out data->PerChannelMultipliers, out data->PerChannelShifts,
            out data->InputOffset, out data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }

    /// <summary>TFLM's type combinations: float32 × float32 (or hybrid float32 × int8, which TFLM refuses), int8 × int8 (int32 bias), int16 × int8 (int64 or int32 bias); plus TFLite's legacy uint8 × uint8 (int32 bias).</summary>
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
                status = context.ExpectType(filter, TensorType.Int8, "filter"u8);
                if (status == Status.Ok && bias.Exists && bias.Type != TensorType.Int32)
                    status = context.ExpectType(bias, TensorType.Int64, "bias"u8);
                return status;
            case TensorType.UInt8:
                return Status.Ok; // legacy uint8: LegacyUInt8Quantization checks the filter, bias and output types

            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }
}
