using System;
using TfLiteMicro.Kernels.Reference;
using ReferenceFullyConnected = TfLiteMicro.Kernels.Reference.FullyConnected;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// FULLY_CONNECTED, int8 (per-tensor or per-channel) and float32 with constant weights, through the packed
/// SIMD matrix products. Validation and quantization parameters come from the reference's
/// <see cref="FullyConnectedCommon"/>; every other case (int16, int4 or non-constant weights) runs the reference
/// kernel. Hybrid weights (int8 with float32 input) take the float path on the reference Prepare's dequantized copy.
/// </summary>
public sealed unsafe class FullyConnected : OpKernel
{
    public static readonly FullyConnected Kernel = new FullyConnected();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(FullyConnectedPackedData));
        if (data == null) return context.Errors.LastStatus;
        *(FullyConnectedPackedData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = FullyConnectedCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        FullyConnectedPackedData* data = (FullyConnectedPackedData*)node.UserData;
        FullyConnectedOpData* reference = &data->Reference;
        data->Path = PackedPath.Reference;
        TensorInfo input = context.GetInputInfo(ref node, FullyConnectedCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FullyConnectedCommon.FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, FullyConnectedCommon.BiasTensor);
        bool biasKnown = !bias.Exists || (bias.IsConstant && bias.Data != null);
        if (!biasKnown) return Status.Ok;

        // LUT-compressed weights or bias are decoded here, once, and packed like uncompressed ones.
        status = DecodedConstant.Decode(context, filter, out DecodedConstant weights);
        if (status != Status.Ok) return status;
        status = DecodedConstant.Decode(context, bias, out DecodedConstant biasValues);
        if (status == Status.Ok) status = PreparePacked(context, data, input, filter, bias, weights.Data, biasValues.Data);
        biasValues.Release(context);
        weights.Release(context);
        return status;
    }

    private static Status PreparePacked(KernelContext context, FullyConnectedPackedData* data, TensorInfo input, TensorInfo filter,
        TensorInfo bias, void* filterData, void* biasData)
    {
        FullyConnectedOpData* reference = &data->Reference;
        Status status;

        // Packed int4 weights (unpacked per Invoke by the reference) run the reference kernel.
        if (input.Type == TensorType.Int8 && filter.Type == TensorType.Int8 && filter.IsConstant && filterData != null
            && reference->FilterZeroPoint == 0)
        {
            ReadOnlySpan<int> multipliers = reference->PerChannelMultipliers != null
                ? new ReadOnlySpan<int>(reference->PerChannelMultipliers, reference->OutputDepth)
                : new ReadOnlySpan<int>(&reference->OutputMultiplier, 1);
            ReadOnlySpan<int> shifts = reference->PerChannelShifts != null
                ? new ReadOnlySpan<int>(reference->PerChannelShifts, reference->OutputDepth)
                : new ReadOnlySpan<int>(&reference->OutputShift, 1);
            status = PackedFilterInt8Builder.Create(context, &data->Int8, (sbyte*)filterData, reference->OutputDepth,
                reference->AccumulationDepth, (int*)biasData, multipliers, shifts,
                -reference->InputZeroPoint, reference->OutputZeroPoint, reference->OutputActivationMin,
                reference->OutputActivationMax);
            if (status != Status.Ok) return status;
            int rows = reference->Batches < Int8Gemm.RowBlock ? reference->Batches : Int8Gemm.RowBlock;
            status = context.RequestScratchBuffer((long)rows * data->Int8.RowStride * sizeof(short), out data->RowsScratchIndex);
            if (status != Status.Ok) return status;
            data->Path = PackedPath.Int8;
        }
        else if (input.Type == TensorType.Float32 && (reference->DequantizedFilter != null || (filter.IsConstant && filterData != null)))
        {
            float* weights = reference->DequantizedFilter != null ? reference->DequantizedFilter : (float*)filterData;
            status = PackedFilterFloat.Create(context, &data->Float, weights, reference->OutputDepth, reference->AccumulationDepth,
                (float*)biasData, reference->FloatActivationMin, reference->FloatActivationMax);
            if (status != Status.Ok) return status;
            data->Path = PackedPath.Float;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        FullyConnectedPackedData* data = (FullyConnectedPackedData*)node.UserData;
        switch (data->Path)
        {
            case PackedPath.Int8:
                InvokeInt8(context, ref node, data);
                return Status.Ok;
            case PackedPath.Float:
                InvokeFloat(context, ref node, data);
                return Status.Ok;
            default:
                return ReferenceFullyConnected.Kernel.Invoke(context, ref node);
        }
    }

    private static void InvokeInt8(KernelContext context, ref Node node, FullyConnectedPackedData* data)
    {
        sbyte* input = (sbyte*)context.GetInput(ref node, FullyConnectedCommon.InputTensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, FullyConnectedCommon.OutputTensor).Data;
        short* rows = (short*)context.GetScratchBuffer(data->RowsScratchIndex);
        ref PackedFilterInt8 filter = ref data->Int8;
        int depth = filter.Depth;
        int channels = filter.Channels;
        int batches = data->Reference.Batches;
        for (int b = 0; b < batches; b += Int8Gemm.RowBlock)
        {
            int count = batches - b < Int8Gemm.RowBlock ? batches - b : Int8Gemm.RowBlock;
            for (int r = 0; r < count; r++)
            {
                short* row = rows + r * filter.RowStride;
                Int8Rows.Widen(input + (b + r) * depth, row, depth, filter.InputOffset);
                if ((depth & 1) != 0) row[depth] = 0;
            }
            Int8Gemm.Run(in filter, rows, count, output + b * channels, channels);
        }
    }

    private static void InvokeFloat(KernelContext context, ref Node node, FullyConnectedPackedData* data)
    {
        float* input = (float*)context.GetInput(ref node, FullyConnectedCommon.InputTensor).Data;
        float* output = (float*)context.GetOutput(ref node, FullyConnectedCommon.OutputTensor).Data;
        ref PackedFilterFloat filter = ref data->Float;
        for (int b = 0; b < data->Reference.Batches; b++)
        {
            FloatGemm.Run(in filter, input + b * filter.Depth, output + b * filter.Channels);
        }
    }
}
