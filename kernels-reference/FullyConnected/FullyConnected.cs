using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// FULLY_CONNECTED (float32, also with int8 weights — "hybrid", dequantized at Prepare; int8 × int8 or packed int4,
/// per-tensor or per-channel, int32 bias; int16 × int8, int64 bias; TFLite's legacy uint8, <see cref="FullyConnectedUInt8"/>).
/// </summary>
public sealed unsafe class FullyConnected : OpKernel
{
    public static readonly FullyConnected Kernel = new FullyConnected();

    public override Status Init(KernelContext context, ref Node node) => FullyConnectedCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => FullyConnectedCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        FullyConnectedOpData* data = (FullyConnectedOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, FullyConnectedCommon.InputTensor);
        EvalTensor filter = context.GetDecompressedInput(ref node, FullyConnectedCommon.FilterTensor, data->FilterDecompressionIndex);
        ref EvalTensor output = ref context.GetOutput(ref node, FullyConnectedCommon.OutputTensor);
        bool hasBias = KernelContext.HasInput(ref node, FullyConnectedCommon.BiasTensor);

        switch (input.Type)
        {
            case TensorType.Float32:
                FullyConnectedMath.EvalFloat(input.AsReadOnlySpan<float>(),
                    data->DequantizedFilter != null
                        ? new ReadOnlySpan<float>(data->DequantizedFilter, data->OutputDepth * data->AccumulationDepth)
                        : filter.AsReadOnlySpan<float>(),
                    hasBias ? context.GetDecompressedInput(ref node, FullyConnectedCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<float>() : default,
                    output.AsSpan<float>(), data->Batches, data->AccumulationDepth, data->OutputDepth,
                    data->FloatActivationMin, data->FloatActivationMax);
                return Status.Ok;
            case TensorType.Int8:
                FullyConnectedMath.EvalInt8(input.AsReadOnlySpan<sbyte>(),
                    PackedInt4.Int8Weights(context, ref filter, data->FilterScratchIndex),
                    hasBias ? context.GetDecompressedInput(ref node, FullyConnectedCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<sbyte>(), data->Batches, data->AccumulationDepth, data->OutputDepth,
                    -data->InputZeroPoint, -data->FilterZeroPoint, data->OutputZeroPoint,
                    Multipliers(data), Shifts(data), data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            case TensorType.Int16:
            {
                ReadOnlySpan<long> bias64 = default;
                ReadOnlySpan<int> bias32 = default;
                if (hasBias)
                {
                    EvalTensor bias = context.GetDecompressedInput(ref node, FullyConnectedCommon.BiasTensor, data->BiasDecompressionIndex);
                    if (bias.Type == TensorType.Int64) bias64 = bias.AsReadOnlySpan<long>();
                    else bias32 = bias.AsReadOnlySpan<int>();
                }
                FullyConnectedMath.EvalInt16(input.AsReadOnlySpan<short>(), filter.AsReadOnlySpan<sbyte>(), bias64, bias32,
                    output.AsSpan<short>(), data->Batches, data->AccumulationDepth, data->OutputDepth,
                    -data->InputZeroPoint, -data->FilterZeroPoint, data->OutputZeroPoint,
                    Multipliers(data), Shifts(data), data->OutputActivationMin, data->OutputActivationMax);
                return Status.Ok;
            }
            case TensorType.UInt8:
                FullyConnectedUInt8.Eval(input.AsReadOnlySpan<byte>(), filter.AsReadOnlySpan<byte>(),
                    hasBias ? context.GetDecompressedInput(ref node, FullyConnectedCommon.BiasTensor, data->BiasDecompressionIndex).AsReadOnlySpan<int>() : default,
                    output.AsSpan<byte>(), data->Batches, data->OutputDepth, data->AccumulationDepth, in data->UInt8);
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }

    private static ReadOnlySpan<int> Multipliers(FullyConnectedOpData* data) =>
        data->PerChannelMultipliers != null
            ? new ReadOnlySpan<int>(data->PerChannelMultipliers, data->OutputDepth)
            : new ReadOnlySpan<int>(&data->OutputMultiplier, 1);

    private static ReadOnlySpan<int> Shifts(FullyConnectedOpData* data) =>
        data->PerChannelShifts != null
            ? new ReadOnlySpan<int>(data->PerChannelShifts, data->OutputDepth)
            : new ReadOnlySpan<int>(&data->OutputShift, 1);
}
