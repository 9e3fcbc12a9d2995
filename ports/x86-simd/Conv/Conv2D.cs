using System;
using TfLiteMicro.Kernels.Reference;
using ReferenceConv2D = TfLiteMicro.Kernels.Reference.Conv2D;

namespace TfLiteMicro.Ports.X86Simd;

/// <summary>
/// CONV_2D, int8 per-channel and float32, as im2col + matrix product: each output pixel's receptive field is gathered
/// into a row (a 1×1 convolution gathers just the pixel) and <see cref="Int8Gemm"/> / <see cref="FloatGemm"/>
/// computes every output channel of four pixels at once. Validation and parameters come from the reference's
/// <see cref="Conv2DCommon"/>; grouped filters, int16, int4 weights, hybrid (int8 weights with float32 input) and
/// non-constant weights run the reference kernel.
/// </summary>
public sealed unsafe class Conv2D : OpKernel
{
    public static readonly Conv2D Kernel = new Conv2D();

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(Conv2DPackedData));
        if (data == null) return context.Errors.LastStatus;
        *(Conv2DPackedData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = Conv2DCommon.Prepare(context, ref node);
        if (status != Status.Ok) return status;
        Conv2DPackedData* data = (Conv2DPackedData*)node.UserData;
        Conv2DOpData* reference = &data->Reference;
        ref ConvolutionGeometry g = ref reference->Geometry;
        data->Path = PackedPath.Reference;
        TensorInfo input = context.GetInputInfo(ref node, Conv2DCommon.InputTensor);
        TensorInfo filter = context.GetInputInfo(ref node, Conv2DCommon.FilterTensor);
        TensorInfo bias = context.GetInputInfo(ref node, Conv2DCommon.BiasTensor);
        bool biasKnown = !bias.Exists || (bias.IsConstant && bias.Data != null);
        if (!biasKnown || !filter.IsConstant || filter.Data == null || g.FilterInputDepth != g.InputDepth) return Status.Ok;
        // The packed paths read the filter as the input's type: packed int4 weights and hybrid (float32 input, int8
        // weights, dequantized by the reference Prepare) run the reference kernel.
        if (filter.Type != input.Type) return Status.Ok;

        // LUT-compressed weights or bias are decoded here, once, and packed like uncompressed ones.
        status = DecodedConstant.Decode(context, filter, out DecodedConstant weights);
        if (status != Status.Ok) return status;
        status = DecodedConstant.Decode(context, bias, out DecodedConstant biasValues);
        if (status == Status.Ok) status = PreparePacked(context, data, input, weights.Data, biasValues.Data);
        biasValues.Release(context);
        weights.Release(context);
        return status;
    }

    private static Status PreparePacked(KernelContext context, Conv2DPackedData* data, TensorInfo input, void* filterData, void* biasData)
    {
        Conv2DOpData* reference = &data->Reference;
        ref ConvolutionGeometry g = ref reference->Geometry;
        Status status;
        int depth = g.FilterHeight * g.FilterWidth * g.InputDepth;

        if (input.Type == TensorType.Int8)
        {
            status = PackedFilterInt8Builder.Create(context, &data->Int8, (sbyte*)filterData, g.OutputDepth, depth,
                (int*)biasData, new ReadOnlySpan<int>(reference->PerChannelMultipliers, g.OutputDepth),
                new ReadOnlySpan<int>(reference->PerChannelShifts, g.OutputDepth), reference->InputOffset, reference->OutputOffset,
                reference->OutputActivationMin, reference->OutputActivationMax);
            if (status != Status.Ok) return status;
            status = context.RequestScratchBuffer((long)Int8Gemm.RowBlock * data->Int8.RowStride * sizeof(short), out data->RowsScratchIndex);
            if (status != Status.Ok) return status;
            data->Path = PackedPath.Int8;
        }
        else if (input.Type == TensorType.Float32)
        {
            status = PackedFilterFloat.Create(context, &data->Float, (float*)filterData, g.OutputDepth, depth,
                (float*)biasData, reference->FloatActivationMin, reference->FloatActivationMax);
            if (status != Status.Ok) return status;
            status = context.RequestScratchBuffer((long)depth * sizeof(float), out data->RowsScratchIndex);
            if (status != Status.Ok) return status;
            data->Path = PackedPath.Float;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        Conv2DPackedData* data = (Conv2DPackedData*)node.UserData;
        switch (data->Path)
        {
            case PackedPath.Int8:
                InvokeInt8(context, ref node, data);
                return Status.Ok;
            case PackedPath.Float:
                InvokeFloat(context, ref node, data);
                return Status.Ok;
            default:
                return ReferenceConv2D.Kernel.Invoke(context, ref node);
        }
    }

    private static void InvokeInt8(KernelContext context, ref Node node, Conv2DPackedData* data)
    {
        sbyte* input = (sbyte*)context.GetInput(ref node, Conv2DCommon.InputTensor).Data;
        sbyte* output = (sbyte*)context.GetOutput(ref node, Conv2DCommon.OutputTensor).Data;
        short* rows = (short*)context.GetScratchBuffer(data->RowsScratchIndex);
        ref ConvolutionGeometry g = ref data->Reference.Geometry;
        ref PackedFilterInt8 filter = ref data->Int8;
        int channels = g.OutputDepth;
        int pixelsPerImage = g.OutputHeight * g.OutputWidth;
        int pixels = g.Batches * pixelsPerImage;
        for (int first = 0; first < pixels; first += Int8Gemm.RowBlock)
        {
            int count = pixels - first < Int8Gemm.RowBlock ? pixels - first : Int8Gemm.RowBlock;
            for (int r = 0; r < count; r++)
            {
                int pixel = first + r;
                int batch = pixel / pixelsPerImage;
                int inImage = pixel - batch * pixelsPerImage;
                int outY = inImage / g.OutputWidth;
                Im2Col.RowInt8(in g, input, batch, outY, inImage - outY * g.OutputWidth, filter.InputOffset, rows + r * filter.RowStride);
            }
            Int8Gemm.Run(in filter, rows, count, output + first * channels, channels);
        }
    }

    private static void InvokeFloat(KernelContext context, ref Node node, Conv2DPackedData* data)
    {
        float* input = (float*)context.GetInput(ref node, Conv2DCommon.InputTensor).Data;
        float* output = (float*)context.GetOutput(ref node, Conv2DCommon.OutputTensor).Data;
        float* row = (float*)context.GetScratchBuffer(data->RowsScratchIndex);
        ref ConvolutionGeometry g = ref data->Reference.Geometry;
        int channels = g.OutputDepth;
        int pixel = 0;
        for (int b = 0; b < g.Batches; b++)
        {
            for (int outY = 0; outY < g.OutputHeight; outY++)
            {
                for (int outX = 0; outX < g.OutputWidth; outX++, pixel++)
                {
                    Im2Col.RowFloat(in g, input, b, outY, outX, row);
                    FloatGemm.Run(in data->Float, row, output + pixel * channels);
                }
            }
        }
    }
}
