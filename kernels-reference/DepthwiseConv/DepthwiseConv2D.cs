using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DEPTHWISE_CONV_2D (float32, also with int8 weights — "hybrid", dequantized at Prepare; int8 × int8 (or packed
/// int4) per-channel, int32 bias; int16 × int8, int64 bias) with depth multiplier, strides, dilations, SAME/VALID
/// padding and fused activations, as TFLM's reference kernel; legacy uint8 as TFLite's (<see cref="DepthwiseConv2DUInt8"/>).
/// </summary>
public sealed unsafe class DepthwiseConv2D : OpKernel
{
    public static readonly DepthwiseConv2D Kernel = new DepthwiseConv2D();

    public override Status Init(KernelContext context, ref Node node) => DepthwiseConv2DCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => DepthwiseConv2DCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DepthwiseConv2DOpData* data = (DepthwiseConv2DOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, DepthwiseConv2DCommon.InputTensor);
        EvalTensor filter = context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.FilterTensor, data->FilterDecompressionIndex);
        ref EvalTensor output = ref context.GetOutput(ref node, DepthwiseConv2DCommon.OutputTensor);
        bool hasBias = KernelContext.HasInput(ref node, DepthwiseConv2DCommon.BiasTensor);
        int channels = data->Geometry.OutputDepth;

        switch (input.Type)
        {
            case TensorType.Float32:
                DepthwiseConv2DMath.EvalFloat(data->Geometry, input.AsReadOnlySpan<float>(),
                    data->DequantizedFilter != null
                        ? new ReadOnlySpan<float>(data->DequantizedFilter, filter.ElementCount)
                        : filter.AsReadOnlySpan<float>(),
                    hasBias ? context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<float>() : default,
                    output.AsSpan<float>(), new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                return Status.Ok;
            case TensorType.Int8:
                DepthwiseConv2DMath.EvalInt8(data->Geometry, input.AsReadOnlySpan<sbyte>(),
                    PackedInt4.Int8Weights(context, ref filter, data->FilterScratchIndex),
                    hasBias ? context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<sbyte>(), data->InputOffset, data->OutputOffset,
                    new ReadOnlySpan<int>(data->PerChannelMultipliers, channels), new ReadOnlySpan<int>(data->PerChannelShifts, channels),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int16:
                DepthwiseConv2DMath.EvalInt16(data->Geometry, input.AsReadOnlySpan<short>(), filter.AsReadOnlySpan<sbyte>(),
                    hasBias ? context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<long>() : default,
                    output.AsSpan<short>(), new Span<long>(context.GetScratchBuffer(data->ScratchBufferIndex), channels),
                    new ReadOnlySpan<int>(data->PerChannelMultipliers, channels), new ReadOnlySpan<int>(data->PerChannelShifts, channels),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.UInt8:
                LegacyUInt8Kernels.DepthwiseConv2DEval(data->Geometry, input.AsReadOnlySpan<byte>(), filter.AsReadOnlySpan<byte>(),
                    hasBias ? context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<byte>(), in *data->UInt8);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
