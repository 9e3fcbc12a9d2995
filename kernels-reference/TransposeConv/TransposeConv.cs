using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TRANSPOSE_CONV (float32; int8 per-channel, int32 bias; int16 × int8, int64 or int16 bias), bias optional, as
/// TFLM's reference kernel. Quantized types accumulate in a scratch buffer of one int32/int64 per output element.
/// </summary>
public sealed unsafe class TransposeConv : OpKernel
{
    public static readonly TransposeConv Kernel = new TransposeConv();

    public override Status Init(KernelContext context, ref Node node) => TransposeConvCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => TransposeConvCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        TransposeConvOpData* data = (TransposeConvOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, TransposeConvCommon.InputTensor);
        EvalTensor filter = context.GetDecompressedInput(ref node, TransposeConvCommon.FilterTensor, data->FilterDecompressionIndex);
        ref EvalTensor output = ref context.GetOutput(ref node, TransposeConvCommon.OutputTensor);
        bool hasBias = KernelContext.HasInput(ref node, TransposeConvCommon.BiasTensor);
        int channels = data->Geometry.OutputDepth;
        int count = data->Geometry.OutputElementCount;

        switch (input.Type)
        {
            case TensorType.Float32:
                TransposeConvMath.EvalFloat(data->Geometry, input.AsReadOnlySpan<float>(), filter.AsReadOnlySpan<float>(),
                    hasBias ? context.GetDecompressedInput(ref node, TransposeConvCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<float>() : default,
                    output.AsSpan<float>(), new FloatActivationRange(data->FloatActivationMin, data->FloatActivationMax));
                return Status.Ok;
            case TensorType.Int8:
                TransposeConvMath.EvalInt8(data->Geometry, input.AsReadOnlySpan<sbyte>(), filter.AsReadOnlySpan<sbyte>(),
                    hasBias ? context.GetDecompressedInput(ref node, TransposeConvCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<sbyte>(), new Span<int>(context.GetScratchBuffer(data->ScratchBufferIndex), count),
                    data->InputOffset, data->OutputOffset,
                    new ReadOnlySpan<int>(data->PerChannelMultipliers, channels), new ReadOnlySpan<int>(data->PerChannelShifts, channels),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int16:
            {
                ReadOnlySpan<long> bias64 = default;
                ReadOnlySpan<short> bias16 = default;
                if (hasBias)
                {
                    EvalTensor bias = context.GetDecompressedInput(ref node, TransposeConvCommon.BiasTensor, data->BiasDecompressionIndex);
                    if (bias.Type == TensorType.Int16) bias16 = bias.AsReadOnlySpan<short>();
                    else bias64 = bias.AsReadOnlySpan<long>();
                }
                TransposeConvMath.EvalInt16(data->Geometry, input.AsReadOnlySpan<short>(), filter.AsReadOnlySpan<sbyte>(),
                    bias64, bias16, output.AsSpan<short>(), new Span<long>(context.GetScratchBuffer(data->ScratchBufferIndex), count),
                    new ReadOnlySpan<int>(data->PerChannelMultipliers, channels), new ReadOnlySpan<int>(data->PerChannelShifts, channels),
                    data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            }
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
