using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FULLY_CONNECTED's Init and Prepare, shared with ports (TFLM's fully_connected_common.cc): validates the
/// tensors and computes the requantization parameters into <see cref="FullyConnectedOpData"/>.
/// </summary>
public static unsafe class FullyConnectedCommon
{
    public const int InputTensor = 0;
    public const int FilterTensor = 1;
    public const int BiasTensor = 2;
    public const int OutputTensor = 0;

    /// <summary>Weights [output depth, accumulation depth] are quantized along dimension 0 (output channels).</summary>
    public const int QuantizedDimension = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(FullyConnectedOpData));
        if (data == null) return context.Errors.LastStatus;
        *(FullyConnectedOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        FullyConnectedOpData* data = (FullyConnectedOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 2 || node.InputCount > 3 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 or 3 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);

        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, BiasTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        FullyConnectedOptions options = new FullyConnectedOptions(node.BuiltinOptions);
        int activation = (int)options.FusedActivationFunction;
        data->FilterScratchIndex = -1;
        data->DequantizedFilter = null;

        if (filter.Rank < 1)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" must have at least one dimension"u8);
        data->AccumulationDepth = filter.Dim(filter.Rank - 1);
        data->OutputDepth = filter.Rank >= 2 ? filter.Dim(0) : 1;
        int inputElements = input.ElementCount;
        if (data->AccumulationDepth <= 0 || inputElements % data->AccumulationDepth != 0)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(inputElements)
                .Append(" elements, not a multiple of the filter depth "u8).Append(data->AccumulationDepth);
        data->Batches = inputElements / data->AccumulationDepth;
        if (output.ElementCount != data->Batches * data->OutputDepth)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, expected "u8).Append(data->Batches * data->OutputDepth);
        if (bias.Exists && bias.ElementCount != data->OutputDepth)
            return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" has "u8).Append(bias.ElementCount)
                .Append(" elements, expected "u8).Append(data->OutputDepth);

        bool hybridWeights = input.Type == TensorType.Float32 && filter.Type != TensorType.Float32;
        Status requested = WeightDecompression.Request(context, ref node, FilterTensor, BiasTensor, hybridWeights,
            out data->FilterDecompressionIndex, out data->BiasDecompressionIndex);
        if (requested != Status.Ok) return requested;

        if (input.Type == TensorType.Float32)
        {
            Status status = context.ExpectType(output, TensorType.Float32, "output"u8);
            if (status != Status.Ok) return status;
            if (bias.Exists)
            {
                status = context.ExpectType(bias, TensorType.Float32, "bias"u8);
                if (status != Status.Ok) return status;
            }
            QuantizationMath.CalculateActivationRange(activation, out data->FloatActivationMin, out data->FloatActivationMax);
            // int8 weights ("hybrid", refused by TFLM) are dequantized once into a float copy.
            if (filter.Type == TensorType.Float32) return Status.Ok;
            return HybridWeights.Dequantize(context, filter, data->OutputDepth, QuantizedDimension, out data->DequantizedFilter);
        }

        if (input.Type == TensorType.Int8)
        {
            // int4 weights (two per byte) are accepted wherever int8 ones are and unpacked to int8 at Invoke.
            Status status = ExpectSameType(context, filter, output, bias,
                filter.Type == TensorType.Int4 ? TensorType.Int4 : TensorType.Int8, TensorType.Int32);
            if (status != Status.Ok) return status;
            if (filter.Type == TensorType.Int4)
            {
                status = context.RequestScratchBuffer(filter.ElementCount, out data->FilterScratchIndex);
                if (status != Status.Ok) return status;
            }
        }
        else if (input.Type == TensorType.Int16)
        {
            if (filter.Type != TensorType.Int8) return context.ExpectType(filter, TensorType.Int8, "filter"u8);
            if (output.Type != TensorType.Int16) return context.ExpectType(output, TensorType.Int16, "output"u8);
            if (bias.Exists && bias.Type != TensorType.Int64 && bias.Type != TensorType.Int32)
                return context.ExpectType(bias, TensorType.Int64, "bias"u8);
        }
        else if (input.Type == TensorType.UInt8)
        {
            return LegacyUInt8Quantization.PrepareConvolution(context, input, filter, bias, output, activation, out data->UInt8);
        }
        else
        {
            return context.UnsupportedType(input, "input"u8);
        }
        return PrepareQuantized(context, ref node, data, input, filter, bias, output, activation);
    }

    private static Status ExpectSameType(KernelContext context, TensorInfo filter, TensorInfo output, TensorInfo bias,
        TensorType weightType, TensorType biasType)
    {
        Status status = context.ExpectType(filter, weightType, "filter"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(output, TensorType.Int8, "output"u8);
        if (status != Status.Ok) return status;
        if (bias.Exists) return context.ExpectType(bias, biasType, "bias"u8);
        return Status.Ok;
    }

    private static Status PrepareQuantized(KernelContext context, ref Node node, FullyConnectedOpData* data,
        TensorInfo input, TensorInfo filter, TensorInfo bias, TensorInfo output, int activation)
    {
        ErrorReporter errors = context.Errors;
        QuantizationInfo filterQuantization = filter.Quantization;
        if (!input.Quantization.HasQuantization || !filterQuantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized FULLY_CONNECTED needs quantization parameters on input, filter and output"u8);
        // Weights are symmetric in TFLM (zero point 0), for every channel.
        for (int c = 0; c < filterQuantization.ZeroPointCount; c++)
        {
            if (filterQuantization.ChannelZeroPoint(c) != 0)
                return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" must have zero point 0, has "u8)
                    .Append(filterQuantization.ChannelZeroPoint(c));
        }

        float inputScale = input.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        if (filterQuantization.IsPerChannel)
        {
            int channels = filterQuantization.ChannelCount;
            if (channels != data->OutputDepth)
                return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(channels)
                    .Append(" per-channel scales for "u8).Append(data->OutputDepth).Append(" output channels"u8);
            data->PerChannelMultipliers = (int*)context.AllocatePersistentBuffer((long)channels * sizeof(int));
            data->PerChannelShifts = (int*)context.AllocatePersistentBuffer((long)channels * sizeof(int));
            if (data->PerChannelMultipliers == null || data->PerChannelShifts == null) return errors.LastStatus;
            for (int c = 0; c < channels; c++)
            {
                SoftDouble effective = QuantizationMath.EffectiveOutputScale(inputScale, filterQuantization.Scales[c], outputScale);
                if (!QuantizationMath.QuantizeMultiplier(effective, out data->PerChannelMultipliers[c], out data->PerChannelShifts[c]))
                    return errors.Fail(Status.Error, "output multiplier of channel "u8).Append(c).Append(" is not a finite number"u8);
            }
        }
        else
        {
            SoftDouble multiplier;
            bool ok = bias.Exists && bias.Quantization.HasQuantization
                ? QuantizationMath.GetQuantizedConvolutionMultiplier(inputScale, filterQuantization.Scale, bias.Quantization.Scale, outputScale, out multiplier)
                : QuantizationMath.GetQuantizedConvolutionMultiplier(inputScale, filterQuantization.Scale, outputScale, out multiplier);
            if (!ok)
                return errors.Fail(Status.Error, "bias scale of tensor "u8).Append(bias.Index)
                    .Append(" does not match input scale × filter scale (or a scale is negative)"u8);
            if (!QuantizationMath.QuantizeMultiplier(multiplier, out data->OutputMultiplier, out data->OutputShift))
                return errors.Fail(Status.Error, "output multiplier is not a finite number"u8);
        }

        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->FilterZeroPoint = filterQuantization.ZeroPoint;
        data->OutputZeroPoint = output.Quantization.ZeroPoint;
        return QuantizationMath.CalculateActivationRangeQuantized(errors, activation, output.Type, outputScale,
            data->OutputZeroPoint, out data->OutputActivationMin, out data->OutputActivationMax);
    }
}
