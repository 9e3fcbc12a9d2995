using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.Kernels.Reference;
using ReferenceConv2D = TfLiteMicro.Kernels.Reference.Conv2D;

namespace TfLiteMicro.Ports.CmsisNn;

/// <summary>
/// CONV_2D, int8 × int8 (or packed int4) per channel, as CMSIS-NN's arm_convolve_s8 / arm_convolve_1x1_s8_fast do
/// it: each output pixel's receptive field is widened to int16 with the input offset added (im2col; a 1×1 filter
/// widens the input pixel in place), four pixels at a time, and <see cref="Microkernels.ConvBlockS8S16"/> computes
/// every output channel of those four pixels with dual 16-bit multiply-accumulates and requantizes them. Grouped
/// filters run one group after another. Validation and parameters come from the reference's
/// <see cref="Conv2DCommon"/>; float32, int16 and hybrid models run the reference kernel.
/// </summary>
public sealed unsafe class Conv2D : OpKernel
{
    public static readonly Conv2D Kernel = new Conv2D();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(Conv2DCmsisNnData));
        if (data == null) return context.Errors.LastStatus;
        *(Conv2DCmsisNnData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = Conv2DCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        Conv2DCmsisNnData* data = (Conv2DCmsisNnData*)node.UserData;
        data->Path = Conv2DPath.Reference;
        TensorInfo input = context.GetInputInfo(ref node, Conv2DCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, Conv2DCommon.FilterTensor);
        if (input.Type != TensorType.Int8 || (filter.Type != TensorType.Int8 && filter.Type != TensorType.Int4)) return Status.Ok;

        ref Conv2DOpData reference = ref data->Reference;
        ref ConvolutionGeometry g = ref reference.Geometry;
        int groups = g.InputDepth / g.FilterInputDepth;
        int depth = g.FilterHeight * g.FilterWidth * g.FilterInputDepth;
        data->Groups = groups;
        data->Gemm = new GemmParameters
        {
            Multiplier = reference.PerChannelMultipliers,
            Shift = reference.PerChannelShifts,
            Rows = g.OutputDepth / groups,
            Depth = depth,
            QuantStep = 1,
            OutputOffset = reference.OutputOffset,
            ActivationMin = reference.OutputActivationMin,
            ActivationMax = reference.OutputActivationMax,
            OutputStride = g.OutputDepth,
            InputOffset = reference.InputOffset,
        };

        int groupsPerColumn = (depth + Microkernels.Group - 1) / Microkernels.Group;
        status = context.RequestScratchBuffer(groupsPerColumn * Microkernels.Group * Microkernels.Columns * sizeof(short),
            out data->ColumnsScratchIndex);
        if (status != Status.Ok) return status;

        bool pointwise = g.FilterHeight == 1 && g.FilterWidth == 1 && g.PaddingHeight == 0 && g.PaddingWidth == 0
            && (g.OutputHeight - 1) * g.StrideHeight < g.InputHeight && (g.OutputWidth - 1) * g.StrideWidth < g.InputWidth;
        data->GatherScratchIndex = -1;
        if (pointwise)
        {
            data->Path = Conv2DPath.Pointwise;
            return Status.Ok;
        }
        data->RowsWidenInPlace = groups == 1 && g.DilationWidth == 1 && g.FilterWidth * g.FilterInputDepth % Microkernels.Group == 0;
        status = context.RequestScratchBuffer(groupsPerColumn * Microkernels.Group, out data->GatherScratchIndex);
        if (status != Status.Ok) return status;
        data->Path = Conv2DPath.Im2Col;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        Conv2DCmsisNnData* data = (Conv2DCmsisNnData*)node.UserData;
        if (data->Path == Conv2DPath.Reference) return ReferenceConv2D.Kernel.Invoke(context, ref node);

        ref Conv2DOpData reference = ref data->Reference;
        sbyte* input = (sbyte*)context.GetInput(ref node, Conv2DCommon.InputTensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, Conv2DCommon.OutputTensor).Data;
        EvalTensor filter = context.GetDecompressedInput(ref node, Conv2DCommon.FilterTensor, reference.FilterDecompressionIndex);
        ReadOnlySpan<sbyte> weights = PackedInt4.Int8Weights(context, ref filter, reference.FilterScratchIndex);
        GemmParameters gemm = data->Gemm;
        gemm.Bias = KernelContext.HasInput(ref node, Conv2DCommon.BiasTensor)
            ? (int*)context.GetDecompressedInput(ref node, Conv2DCommon.BiasTensor, reference.BiasDecompressionIndex).Data
            : null;
        short* columns = (short*)context.GetScratchBuffer(data->ColumnsScratchIndex);
        sbyte* gather = data->GatherScratchIndex >= 0 ? (sbyte*)context.GetScratchBuffer(data->GatherScratchIndex) : null;
        fixed (sbyte* filterData = weights)
        {
            for (int group = 0; group < data->Groups; group++)
            {
                GemmParameters groupGemm = gemm;
                int firstChannel = group * gemm.Rows;
                groupGemm.Weights = filterData + firstChannel * gemm.Depth;
                if (gemm.Bias != null) groupGemm.Bias = gemm.Bias + firstChannel;
                groupGemm.Multiplier = gemm.Multiplier + firstChannel;
                groupGemm.Shift = gemm.Shift + firstChannel;
                RunGroup(data, &groupGemm, input, output + firstChannel, columns, gather, group);
            }
        }
        return Status.Ok;
    }

    /// <summary>All output pixels of one group, four at a time.</summary>
    private static void RunGroup(Conv2DCmsisNnData* data, GemmParameters* gemm, sbyte* input, sbyte* output, short* columns,
        sbyte* gather, int group)
    {
        ref ConvolutionGeometry g = ref data->Reference.Geometry;
        int inputDepth = g.InputDepth;
        int groupOffset = group * g.FilterInputDepth;
        int depth = gemm->Depth;
        int inputOffset = gemm->InputOffset;
        const int stride = Microkernels.Group * Microkernels.Columns;
        int column = 0;
        sbyte* blockOutput = output;
        for (int b = 0; b < g.Batches; b++)
        {
            sbyte* image = input + b * g.InputHeight * g.InputWidth * inputDepth;
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                int inY = outY * g.StrideHeight - g.PaddingHeight;
                for (int outX = 0; outX < g.OutputWidth; outX++)
                {
                    int inX = outX * g.StrideWidth - g.PaddingWidth;
                    short* slot = columns + column * Microkernels.Group;
                    if (data->Path == Conv2DPath.Pointwise)
                    {
                        Microkernels.WidenS8(image + (inY * g.InputWidth + inX) * inputDepth + groupOffset, slot, depth, inputOffset, stride);
                    }
                    else
                    {
                        Im2Col(data, image, inY, inX, groupOffset, gather, slot);
                    }
                    if (++column == Microkernels.Columns)
                    {
                        Microkernels.ConvBlockS8S16(gemm, columns, blockOutput, Microkernels.Columns);
                        blockOutput += Microkernels.Columns * g.OutputDepth;
                        column = 0;
                    }
                }
            }
        }
        if (column != 0) Microkernels.ConvBlockS8S16(gemm, columns, blockOutput, column);
    }

    /// <summary>
    /// Widens one receptive field into its column slot: filter rows that lie inside the image and are contiguous in
    /// memory are widened where they are; otherwise the field is gathered first, with the input zero point (which the
    /// offset turns into 0) where the filter hangs over the edge.
    /// </summary>
    private static void Im2Col(Conv2DCmsisNnData* data, sbyte* image, int inY, int inX, int groupOffset, sbyte* gather, short* slot)
    {
        ref ConvolutionGeometry g = ref data->Reference.Geometry;
        int inputDepth = g.InputDepth;
        int channels = g.FilterInputDepth;
        int inputOffset = data->Gemm.InputOffset;
        const int stride = Microkernels.Group * Microkernels.Columns;
        bool inside = inY >= 0 && inY + (g.FilterHeight - 1) * g.DilationHeight < g.InputHeight
            && inX >= 0 && inX + (g.FilterWidth - 1) * g.DilationWidth < g.InputWidth;
        if (inside && data->RowsWidenInPlace)
        {
            int rowDepth = g.FilterWidth * channels;
            for (int fy = 0; fy < g.FilterHeight; fy++)
            {
                sbyte* source = image + ((inY + fy * g.DilationHeight) * g.InputWidth + inX) * inputDepth;
                Microkernels.WidenS8(source, slot + fy * (rowDepth / Microkernels.Group) * stride, rowDepth, inputOffset, stride);
            }
            return;
        }

        sbyte padding = (sbyte)(-inputOffset);
        sbyte* destination = gather;
        for (int fy = 0; fy < g.FilterHeight; fy++)
        {
            int y = inY + fy * g.DilationHeight;
            if (y < 0 || y >= g.InputHeight)
            {
                Unsafe.InitBlockUnaligned(destination, (byte)padding, (uint)(g.FilterWidth * channels));
                destination += g.FilterWidth * channels;
                continue;
            }
            sbyte* row = image + y * g.InputWidth * inputDepth + groupOffset;
            for (int fx = 0; fx < g.FilterWidth; fx++, destination += channels)
            {
                int x = inX + fx * g.DilationWidth;
                if (x < 0 || x >= g.InputWidth) Unsafe.InitBlockUnaligned(destination, (byte)padding, (uint)channels);
                else Unsafe.CopyBlockUnaligned(destination, row + x * inputDepth, (uint)channels);
            }
        }
        Microkernels.WidenS8(gather, slot, g.FilterHeight * g.FilterWidth * channels, inputOffset, stride);
    }
}
