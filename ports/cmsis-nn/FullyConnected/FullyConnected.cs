using System;
using TfLiteMicro.Kernels.Reference;
using ReferenceFullyConnected = TfLiteMicro.Kernels.Reference.FullyConnected;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// FULLY_CONNECTED, int8 × int8 (or packed int4), per-tensor or per-channel, as CMSIS-NN's arm_fully_connected_s8 /
/// arm_nn_vec_mat_mult_t_s8: each input row is widened to int16 with the input offset added, once, and
/// <see cref="Microkernels.VectorMatrixS8S16"/> multiplies it with two weight rows at a time (dual 16-bit
/// multiply-accumulates) and requantizes. Validation and parameters come from the reference's
/// <see cref="FullyConnectedCommon"/>; other types run the reference kernel.
/// </summary>
public sealed unsafe class FullyConnected : OpKernel
{
    public static readonly FullyConnected Kernel = new FullyConnected();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(FullyConnectedCmsisNnData));
        if (data == null) return context.Errors.LastStatus;
        *(FullyConnectedCmsisNnData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = FullyConnectedCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        FullyConnectedCmsisNnData* data = (FullyConnectedCmsisNnData*)node.UserData;
        ref FullyConnectedOpData reference = ref data->Reference;
        data->Int8 = false;
        TensorInfo input = context.GetInputInfo(ref node, FullyConnectedCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, FullyConnectedCommon.FilterTensor);
        if (input.Type != TensorType.Int8 || (filter.Type != TensorType.Int8 && filter.Type != TensorType.Int4)) return Status.Ok;
        if (reference.FilterZeroPoint != 0) return Status.Ok;

        bool perChannel = reference.PerChannelMultipliers != null;
        data->Gemm = new GemmParameters
        {
            Rows = reference.OutputDepth,
            Depth = reference.AccumulationDepth,
            QuantStep = perChannel ? 1 : 0,
            OutputOffset = reference.OutputZeroPoint,
            ActivationMin = reference.OutputActivationMin,
            ActivationMax = reference.OutputActivationMax,
            OutputStride = reference.OutputDepth,
            InputOffset = -reference.InputZeroPoint,
        };
        int groups = (reference.AccumulationDepth + Microkernels.Group - 1) / Microkernels.Group;
        status = context.RequestScratchBuffer(groups * Microkernels.Group * sizeof(short), out data->VectorScratchIndex);
        if (status != Status.Ok) return status;
        data->Int8 = true;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        FullyConnectedCmsisNnData* data = (FullyConnectedCmsisNnData*)node.UserData;
        if (!data->Int8) return ReferenceFullyConnected.Kernel.Invoke(context, ref node);

        ref FullyConnectedOpData reference = ref data->Reference;
        sbyte* input = (sbyte*)context.GetInput(ref node, FullyConnectedCommon.InputTensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, FullyConnectedCommon.OutputTensor).Data;
        EvalTensor filter = context.GetDecompressedInput(ref node, FullyConnectedCommon.FilterTensor, reference.FilterDecompressionIndex);
        ReadOnlySpan<sbyte> weights = PackedInt4.Int8Weights(context, ref filter, reference.FilterScratchIndex);
        GemmParameters gemm = data->Gemm;
        gemm.Bias = KernelContext.HasInput(ref node, FullyConnectedCommon.BiasTensor)
            ? (int*)context.GetDecompressedInput(ref node, FullyConnectedCommon.BiasTensor, reference.BiasDecompressionIndex).Data
            : null;
        if (reference.PerChannelMultipliers != null)
        {
            gemm.Multiplier = reference.PerChannelMultipliers;
            gemm.Shift = reference.PerChannelShifts;
        }
        else
        {
            gemm.Multiplier = &data->Reference.OutputMultiplier;
            gemm.Shift = &data->Reference.OutputShift;
        }
        short* vector = (short*)context.GetScratchBuffer(data->VectorScratchIndex);
        int depth = gemm.Depth;
        fixed (sbyte* filterData = weights)
        {
            gemm.Weights = filterData;
            for (int b = 0; b < reference.Batches; b++, input += depth, output += gemm.Rows)
            {
                Microkernels.WidenS8(input, vector, depth, gemm.InputOffset, Microkernels.Group);
                Microkernels.VectorMatrixS8S16(&gemm, vector, output);
            }
        }
        return Status.Ok;
    }
}
