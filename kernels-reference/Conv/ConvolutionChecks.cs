using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Prepare-time checks and quantization set-up shared by CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV (the parts of
/// TFLM's conv_common.cc / depthwise_conv_common.cc / transpose_conv.cc that are the same for all three).
/// </summary>
public static unsafe class ConvolutionChecks
{
    public static Status ExpectRank4(KernelContext context, TensorInfo tensor, ReadOnlySpan<byte> role)
    {
        if (tensor.Rank == 4) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index)
            .Append(" must be 4D (NHWC), has "u8).Append(tensor.Rank).Append(" dimensions"u8);
    }

    /// <summary>
    /// Padding must be SAME or VALID, strides and dilations positive, the fused activation a known one (the model reader
    /// does not range-check enums).
    /// </summary>
    public static Status CheckWindowOptions(ErrorReporter errors, Padding padding, int strideHeight, int strideWidth,
        int dilationHeight, int dilationWidth, int activation)
    {
        if (padding != Padding.SAME && padding != Padding.VALID)
            return errors.Fail(Status.Error, "unknown padding "u8).Append((int)padding);
        if (strideHeight <= 0 || strideWidth <= 0)
            return errors.Fail(Status.Error, "strides ("u8).Append(strideHeight).Append(", "u8).Append(strideWidth)
                .Append(") must be positive"u8);
        if (dilationHeight <= 0 || dilationWidth <= 0)
            return errors.Fail(Status.Error, "dilations ("u8).Append(dilationHeight).Append(", "u8).Append(dilationWidth)
                .Append(") must be positive"u8);
        if (activation < 0 || activation > (int)ActivationFunctionType.SIGN_BIT)
            return errors.Fail(Status.Error, "unknown fused activation "u8).Append(activation);
        return Status.Ok;
    }

    /// <summary>Both window axes of a convolution fit 32-bit index arithmetic (see <see cref="WindowChecks"/>).</summary>
    public static Status CheckWindows(ErrorReporter errors, in ConvolutionGeometry g)
    {
        Status status = WindowChecks.CheckAxis(errors, "height"u8, g.OutputHeight, g.FilterHeight, g.StrideHeight, g.DilationHeight, g.PaddingHeight);
        if (status != Status.Ok) return status;
        return WindowChecks.CheckAxis(errors, "width"u8, g.OutputWidth, g.FilterWidth, g.StrideWidth, g.DilationWidth, g.PaddingWidth);
    }

    /// <summary>
    /// The quantized part of Prepare (TFLM's per-channel checks plus PopulateConvolutionQuantizationParams): input,
    /// filter and output need quantization parameters; the filter has one scale, or one per output channel along
    /// <paramref name="quantizedDimension"/>; one multiplier and shift per channel are computed (a single scale is
    /// broadcast) into persistent memory, plus the offsets and the quantized activation range.
    /// </summary>
    public static Status PrepareQuantized(KernelContext context, TensorInfo input, TensorInfo filter, TensorInfo output,
        int activation, int channels, int quantizedDimension, bool requireZeroPointPerScale,
        out int* multipliers, out int* shifts, out int inputOffset, out int outputOffset,
        out int activationMin, out int activationMax)
    {
        ErrorReporter errors = context.Errors;
        multipliers = null;
        shifts = null;
        inputOffset = 0;
        outputOffset = 0;
        activationMin = 0;
        activationMax = 0;
        QuantizationInfo filterQuantization = filter.Quantization;
        if (!input.Quantization.HasQuantization || !filterQuantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized convolution needs quantization parameters on input tensor "u8)
                .Append(input.Index).Append(", filter tensor "u8).Append(filter.Index).Append(" and output tensor "u8).Append(output.Index);
        int scaleCount = filterQuantization.ChannelCount;
        if (scaleCount != 1 && scaleCount != channels)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(scaleCount)
                .Append(" scales for "u8).Append(channels).Append(" output channels"u8);
        if (scaleCount > 1 && filterQuantization.QuantizedDimension != quantizedDimension)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" is quantized along dimension "u8)
                .Append(filterQuantization.QuantizedDimension).Append(", expected "u8).Append(quantizedDimension);
        if (requireZeroPointPerScale && filterQuantization.ZeroPointCount != scaleCount)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(scaleCount)
                .Append(" scales but "u8).Append(filterQuantization.ZeroPointCount).Append(" zero points"u8);

        multipliers = (int*)context.AllocatePersistentBuffer((long)channels * sizeof(int));
        shifts = (int*)context.AllocatePersistentBuffer((long)channels * sizeof(int));
        if (multipliers == null || shifts == null) return errors.LastStatus;
        // A per-tensor quantization may come without a scale array; its single scale is then Scale.
        float singleScale = filterQuantization.Scale;
        ReadOnlySpan<float> filterScales = filterQuantization.Scales == null
            ? new ReadOnlySpan<float>(&singleScale, 1)
            : new ReadOnlySpan<float>(filterQuantization.Scales, scaleCount);
        Status status = QuantizationMath.PopulateConvolutionQuantizationParams(errors,
            input.Type, input.Quantization.Scale,
            // TFLM accepts int4 weights wherever it accepts int8 ones (they are unpacked to int8 before the math).
            filter.Type == TensorType.Int4 ? TensorType.Int8 : filter.Type, filterScales,
            output.Type, output.Quantization.Scale, output.Quantization.ZeroPoint,
            activation, new Span<int>(multipliers, channels), new Span<int>(shifts, channels),
            out activationMin, out activationMax);
        if (status != Status.Ok) return status;
        inputOffset = -input.Quantization.ZeroPoint;
        outputOffset = output.Quantization.ZeroPoint;
        return Status.Ok;
    }
}
