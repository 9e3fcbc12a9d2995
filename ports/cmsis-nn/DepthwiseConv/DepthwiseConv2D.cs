using System;
using TfLiteMicro.Kernels.Reference;
using ReferenceDepthwiseConv2D = TfLiteMicro.Kernels.Reference.DepthwiseConv2D;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// DEPTHWISE_CONV_2D, int8 × int8 (or packed int4) per channel, one output row at a time through
/// <see cref="Microkernels.DepthwiseRowS8"/> (four channels per pass, SXTAB16 + SMLABB/SMLATT per tap, as CMSIS-NN's
/// arm_depthwise_conv_3x3_s8 and arm_depthwise_conv_s8_opt do), any filter size up to
/// <see cref="Microkernels.DepthwiseMaxTaps"/> taps, strides, dilations and padding, depth multiplier 1 or a multiple
/// of 4 (four channels then share an input byte); any other depth multiplier runs the same microkernel on input rows
/// whose channels are repeated into scratch memory. Validation and parameters come
/// from the reference's <see cref="DepthwiseConv2DCommon"/>; other types run the reference kernel.
/// </summary>
public sealed unsafe class DepthwiseConv2D : OpKernel
{
    public static readonly DepthwiseConv2D Kernel = new DepthwiseConv2D();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(DepthwiseConv2DCmsisNnData));
        if (data == null) return context.Errors.LastStatus;
        *(DepthwiseConv2DCmsisNnData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = DepthwiseConv2DCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        DepthwiseConv2DCmsisNnData* data = (DepthwiseConv2DCmsisNnData*)node.UserData;
        data->Int8 = false;
        data->RepeatedRowsScratchIndex = -1;
        TensorInfo input = context.GetInputInfo(ref node, DepthwiseConv2DCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, DepthwiseConv2DCommon.FilterTensor);
        ref DepthwiseConv2DOpData reference = ref data->Reference;
        ref ConvolutionGeometry g = ref reference.Geometry;
        if (input.Type != TensorType.Int8 || (filter.Type != TensorType.Int8 && filter.Type != TensorType.Int4)) return Status.Ok;
        if (g.FilterHeight * g.FilterWidth > Microkernels.DepthwiseMaxTaps) return Status.Ok;

        int rowBytes = g.InputWidth * g.InputDepth;
        data->Row = new DepthwiseParameters
        {
            Multiplier = reference.PerChannelMultipliers,
            Shift = reference.PerChannelShifts,
            Channels = g.OutputDepth,
            DepthMultiplier = g.DepthMultiplier,
            InputWidth = g.InputWidth,
            OutputWidth = g.OutputWidth,
            FilterWidth = g.FilterWidth,
            StrideWidth = g.StrideWidth,
            DilationWidth = g.DilationWidth,
            PaddingWidth = g.PaddingWidth,
            FilterRowStride = g.DilationHeight * rowBytes,
            InputOffset = reference.InputOffset,
            OutputOffset = reference.OutputOffset,
            ActivationMin = reference.OutputActivationMin,
            ActivationMax = reference.OutputActivationMax,
        };
        if (g.DepthMultiplier != 1 && g.DepthMultiplier % 4 != 0)
        {
            // The microkernel shares one input byte among four channels only when whole groups of four share it.
            data->Row.DepthMultiplier = 1;
            status = context.RequestScratchBuffer(g.FilterHeight * g.InputWidth * g.OutputDepth, out data->RepeatedRowsScratchIndex);
            if (status != Status.Ok) return status;
            data->Row.FilterRowStride = g.InputWidth * g.OutputDepth;
        }
        data->Int8 = true;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        DepthwiseConv2DCmsisNnData* data = (DepthwiseConv2DCmsisNnData*)node.UserData;
        if (!data->Int8) return ReferenceDepthwiseConv2D.Kernel.Invoke(context, ref node);

        ref DepthwiseConv2DOpData reference = ref data->Reference;
        ref ConvolutionGeometry g = ref reference.Geometry;
        sbyte* input = (sbyte*)context.GetInput(ref node, DepthwiseConv2DCommon.InputTensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, DepthwiseConv2DCommon.OutputTensor).Data;
        EvalTensor filter = context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.FilterTensor, reference.FilterDecompressionIndex);
        ReadOnlySpan<sbyte> weights = PackedInt4.Int8Weights(context, ref filter, reference.FilterScratchIndex);
        DepthwiseParameters row = data->Row;
        row.Bias = KernelContext.HasInput(ref node, DepthwiseConv2DCommon.BiasTensor)
            ? (int*)context.GetDecompressedInput(ref node, DepthwiseConv2DCommon.BiasTensor, reference.BiasDecompressionIndex).Data
            : null;
        sbyte* repeated = data->RepeatedRowsScratchIndex >= 0 ? (sbyte*)context.GetScratchBuffer(data->RepeatedRowsScratchIndex) : null;
        int inputRowBytes = g.InputWidth * g.InputDepth;
        int outputRowBytes = g.OutputWidth * g.OutputDepth;
        fixed (sbyte* filterData = weights)
        {
            row.Weights = filterData;
            for (int b = 0; b < g.Batches; b++)
            {
                sbyte* image = input + b * g.InputHeight * inputRowBytes;
                for (int outY = 0; outY < g.OutputHeight; outY++, output += outputRowBytes)
                {
                    // The filter rows that land inside the image.
                    int inY = outY * g.StrideHeight - g.PaddingHeight;
                    int first = 0;
                    while (first < g.FilterHeight && inY + first * g.DilationHeight < 0) first++;
                    int end = g.FilterHeight;
                    while (end > first && inY + (end - 1) * g.DilationHeight >= g.InputHeight) end--;
                    sbyte* rows = image + (inY + first * g.DilationHeight) * inputRowBytes;
                    if (repeated != null && end > first)
                    {
                        RepeatChannels(g, rows, end - first, repeated);
                        rows = repeated;
                    }
                    Microkernels.DepthwiseRowS8(&row, rows, first, end - first, output);
                }
            }
        }
        return Status.Ok;
    }

    /// <summary>Copies the filter rows' input rows with each input channel repeated depth-multiplier times.</summary>
    private static void RepeatChannels(in ConvolutionGeometry g, sbyte* rows, int rowCount, sbyte* destination)
    {
        int multiplier = g.DepthMultiplier;
        int rowStride = g.DilationHeight * g.InputWidth * g.InputDepth;
        for (int r = 0; r < rowCount; r++, rows += rowStride)
        {
            sbyte* source = rows;
            for (int x = 0; x < g.InputWidth; x++)
            {
                for (int c = 0; c < g.InputDepth; c++, source++)
                {
                    sbyte value = *source;
                    for (int m = 0; m < multiplier; m++) *destination++ = value;
                }
            }
        }
    }
}
