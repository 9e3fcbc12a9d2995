using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CONV_2D (float32, also with int8 weights — "hybrid", dequantized at Prepare; int8 × int8 (or packed int4)
/// per-channel, int32 bias; int16 × int8 with int64 or int32 bias), with strides, dilations, SAME/VALID padding, fused
/// activations and grouped filters, as TFLM's reference kernel; legacy uint8 as TFLite's (<see cref="Conv2DUInt8"/>).
/// </summary>
public sealed unsafe class Conv2D : OpKernel
{
    public static readonly Conv2D Kernel = new Conv2D();

    public override Status Init(KernelContext context, ref Node node) => Conv2DCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => Conv2DCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        Conv2DOpData* data = (Conv2DOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, Conv2DCommon.InputTensor);
        EvalTensor filter = context.GetDecompressedInput(ref node, Conv2DCommon.FilterTensor, data->FilterDecompressionIndex);
        ref EvalTensor output = ref context.GetOutput(ref node, Conv2DCommon.OutputTensor);
        bool hasBias = KernelContext.HasInput(ref node, Conv2DCommon.BiasTensor);
        int channels = data->Geometry.OutputDepth;

        switch (input.Type)
        {
            case TensorType.Float32:
                Conv2DMath.EvalFloat(data->Geometry, input.AsReadOnlySpan<float>(),
                    data->DequantizedFilter != null
                        ? new ReadOnlySpan<float>(data->DequantizedFilter, filter.ElementCount)
                        : filter.AsReadOnlySpan<float>(),
                    hasBias ? context.GetDecompressedInput(ref node, Conv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<float>() : default,
                    output.AsSpan<float>(), new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                return Status.Ok;
            case TensorType.Int8:
                Conv2DMath.EvalInt8(data->Geometry, input.AsReadOnlySpan<sbyte>(),
                    PackedInt4.Int8Weights(context, ref filter, data->FilterScratchIndex),
                    hasBias ? context.GetDecompressedInput(ref node, Conv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<sbyte>(), data->InputOffset, data->OutputOffset,
                    new ReadOnlySpan<int>(data->PerChannelMultipliers, channels), new ReadOnlySpan<int>(data->PerChannelShifts, channels),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int16:
            {
                ReadOnlySpan<int> multipliers = new ReadOnlySpan<int>(data->PerChannelMultipliers, channels);
                ReadOnlySpan<int> shifts = new ReadOnlySpan<int>(data->PerChannelShifts, channels);
                // With no bias TFLM takes its int64-accumulator kernel (conv_2d_int16_1x1_nobias matches only that
                // way: the int32 path's double rounding differs by one step in a few outputs).
                EvalTensor bias = hasBias ? context.GetDecompressedInput(ref node, Conv2DCommon.BiasTensor, data->BiasDecompressionIndex) : default;
                if (!hasBias || bias.Type == TensorType.Int64)
                {
                    Conv2DMath.EvalInt16(data->Geometry, input.AsReadOnlySpan<short>(), filter.AsReadOnlySpan<sbyte>(),
                        hasBias ? bias.AsReadOnlySpan<long>() : default, output.AsSpan<short>(),
                        multipliers, shifts, data->OutputActivationMin, data->OutputActivationMax);
                }
                else
                {
                    // An int32 bias selects TFLM's int32-accumulator kernel.
                    Conv2DMath.EvalInt16WithInt32Accumulator(data->Geometry, input.AsReadOnlySpan<short>(), filter.AsReadOnlySpan<sbyte>(),
                        bias.AsReadOnlySpan<int>(),
                        output.AsSpan<short>(), multipliers, shifts, data->OutputActivationMin, data->OutputActivationMax);
                }
                return Status.Ok;
            }
            case TensorType.UInt8:
                LegacyUInt8Kernels.Conv2DEval(data->Geometry, input.AsReadOnlySpan<byte>(), filter.AsReadOnlySpan<byte>(),
                    hasBias ? context.GetDecompressedInput(ref node, Conv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<byte>(), in *data->UInt8);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
