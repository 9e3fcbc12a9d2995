using System;
using TfLiteMicro.Kernels.Reference;
using ReferenceDepthwiseConv2D = TfLiteMicro.Kernels.Reference.DepthwiseConv2D;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// DEPTHWISE_CONV_2D with depth multiplier 1 (int8 per-channel and float32) or a single input channel (int8),
/// channels in vectors
/// (<see cref="DepthwiseConv2DSimdMath"/>). Validation and parameters come from the reference's
/// <see cref="DepthwiseConv2DCommon"/>; other depth multipliers, int16, int4 or hybrid weights and non-constant
/// weights run the reference.
/// </summary>
public sealed unsafe class DepthwiseConv2D : OpKernel
{
    public static readonly DepthwiseConv2D Kernel = new DepthwiseConv2D();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(DepthwiseConv2DPackedData));
        if (data == null) return context.Errors.LastStatus;
        *(DepthwiseConv2DPackedData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = DepthwiseConv2DCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        DepthwiseConv2DPackedData* data = (DepthwiseConv2DPackedData*)node.UserData;
        DepthwiseConv2DOpData* reference = &data->Reference;
        ref ConvolutionGeometry g = ref reference->Geometry;
        data->Path = PackedPath.Reference;
        TensorInfo input = context.GetInputInfo(ref node, DepthwiseConv2DCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, DepthwiseConv2DCommon.FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, DepthwiseConv2DCommon.BiasTensor);
        bool biasKnown = !bias.Exists || (bias.IsConstant && bias.Data != null);
        bool sameChannels = g.DepthMultiplier == 1 && g.OutputDepth == g.InputDepth;
        bool oneInputChannel = g.InputDepth == 1 && g.OutputDepth == g.DepthMultiplier;
        if (!biasKnown || !(sameChannels || oneInputChannel)) return Status.Ok;
        if (!sameChannels && input.Type != TensorType.Int8) return Status.Ok;
        // The vector loops read the filter as the input's type: packed int4 weights and hybrid (float32 input, int8
        // weights, dequantized by the reference Prepare) run the reference kernel.
        if (filter.Type != input.Type) return Status.Ok;

        if (input.Type == TensorType.Int8)
        {
            // The bias is copied here (decoded first when LUT-compressed); a compressed filter is decoded at Invoke
            // into the scratch buffer the reference Prepare requested.
            status = DecodedConstant.Decode(context, bias, out DecodedConstant biasValues);
            if (status != Status.Ok) return status;
            status = PackedFilterInt8Builder.CreateRequantization(context, &data->Int8, g.OutputDepth, g.FilterHeight * g.FilterWidth,
                (int*)biasValues.Data, new ReadOnlySpan<int>(reference->PerChannelMultipliers, g.OutputDepth),
                new ReadOnlySpan<int>(reference->PerChannelShifts, g.OutputDepth), reference->InputOffset, reference->OutputOffset,
                reference->OutputActivationMin, reference->OutputActivationMax);
            biasValues.Release(context);
            if (status != Status.Ok) return status;
            data->Path = PackedPath.Int8;
        }
        else if (input.Type == TensorType.Float32)
        {
            data->Path = PackedPath.Float;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DepthwiseConv2DPackedData* data = (DepthwiseConv2DPackedData*)node.UserData;
        if (data->Path == PackedPath.Reference) return ReferenceDepthwiseConv2D.Kernel.Invoke(context, ref node);
        ref EvalTensor input = ref context.GetInput(ref node, DepthwiseConv2DCommon.InputTensor);
        EvalTensor filter = context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.FilterTensor, data->Reference.FilterDecompressionIndex);
        ref EvalTensor output = ref context.GetOutput(ref node, DepthwiseConv2DCommon.OutputTensor);
        if (data->Path == PackedPath.Int8)
        {
            DepthwiseConv2DSimdMath.Int8(in data->Reference.Geometry, (sbyte*)input.Data, (sbyte*)filter.Data, in data->Int8, (sbyte*)output.Data);
        }
        else
        {
            float* bias = KernelContext.HasInput(ref node, DepthwiseConv2DCommon.BiasTensor)
                ? (float*)context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, data->Reference.BiasDecompressionIndex).Data
                : null;
            DepthwiseConv2DSimdMath.Float(in data->Reference.Geometry, (float*)input.Data, (float*)filter.Data, bias, (float*)output.Data,
                data->Reference.FloatActivationMin, data->Reference.FloatActivationMax);
        }
        return Status.Ok;
    }
}
