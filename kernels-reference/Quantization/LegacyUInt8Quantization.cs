namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The requantization parameters of a legacy uint8 convolution-like op (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED):
/// acc = Σ (filter + FilterOffset)·(input + InputOffset) + bias, then MultiplyByQuantizedMultiplier(acc, OutputMultiplier,
/// OutputShift) + OutputOffset, clamped to [ActivationMin, ActivationMax].
/// </summary>
public struct LegacyUInt8Parameters
{
    /// <summary>−input zero point.</summary>
    public int InputOffset;

    /// <summary>−filter zero point (uint8 weights are asymmetric, unlike TFLM's int8 ones).</summary>
    public int FilterOffset;

    /// <summary>Output zero point.</summary>
    public int OutputOffset;

    public int OutputMultiplier;

    /// <summary>The exponent of QuantizeMultiplier (positive: left shift), as TFLite passes it to the kernel.</summary>
    public int OutputShift;

    public int ActivationMin;
    public int ActivationMax;
}

/// <summary>
/// Legacy uint8 asymmetric quantization, which TFLM dropped and TFLite still runs; TFLite's kernels define it
/// (tensorflow/lite/kernels/kernel_util.cc and the uint8 reference kernels): one scale and zero point per tensor
/// (weights included), real = scale × (q − zero_point).
/// </summary>
public static unsafe class LegacyUInt8Quantization
{
    /// <summary>The C++ literal 1e-6 as a double (TFLite's bias-scale tolerance).</summary>
    private static SoftDouble BiasScaleTolerance => SoftDouble.FromBits(0x3EB0_C6F7_A0B5_ED8DUL);

    /// <summary>
    /// TFLite's PopulateConvolutionQuantizationParams for a uint8 input (its "legacy" branch) with
    /// GetQuantizedConvolutionMultipler: per-tensor filter quantization only; the input × filter scale product is taken
    /// in float and widened; a bias, when present, must have that scale within 1e-6 relative
    /// (|p − bias scale| ≤ 1e-6 · min(p, bias scale), in double); multiplier = p / output scale (double), quantized by
    /// QuantizeMultiplier; the activation range is CalculateActivationRangeUint8. Types: uint8 input, filter and
    /// output, int32 bias.
    /// </summary>
    public static Status PrepareConvolution(KernelContext context, TensorInfo input, TensorInfo filter, TensorInfo bias,
        TensorInfo output, int activation, out LegacyUInt8Parameters parameters)
    {
        parameters = default;
        ErrorReporter errors = context.Errors;
        Status status = context.ExpectType(filter, TensorType.UInt8, "filter"u8);
        if (status == Status.Ok) status = context.ExpectType(output, TensorType.UInt8, "output"u8);
        if (status == Status.Ok && bias.Exists) status = context.ExpectType(bias, TensorType.Int32, "bias"u8);
        if (status != Status.Ok) return status;
        QuantizationInfo inputQ = input.Quantization;
        QuantizationInfo filterQ = filter.Quantization;
        QuantizationInfo outputQ = output.Quantization;
        if (!inputQ.HasQuantization || !filterQ.HasQuantization || !outputQ.HasQuantization)
            return errors.Fail(Status.Error, "uint8 needs quantization parameters on input tensor "u8).Append(input.Index)
                .Append(", filter tensor "u8).Append(filter.Index).Append(" and output tensor "u8).Append(output.Index);
        if (filterQ.ChannelCount != 1)
            return errors.Fail(Status.Error, "filter tensor "u8).Append(filter.Index).Append(" has "u8).Append(filterQ.ChannelCount)
                .Append(" scales; per-channel quantization needs int8 (uint8 is per tensor in TFLite)"u8);

        SoftDouble product = SoftDouble.FromFloat(inputQ.Scale * filterQ.Scale);
        if (bias.Exists)
        {
            SoftDouble biasScale = SoftDouble.FromFloat(bias.Quantization.HasQuantization ? bias.Quantization.Scale : 0f);
            SoftDouble difference = (product - biasScale).Abs();
            if (!(difference <= BiasScaleTolerance * SoftDouble.Min(product, biasScale)))
                return errors.Fail(Status.Error, "bias tensor "u8).Append(bias.Index).Append(" has scale "u8)
                    .Append(bias.Quantization.Scale).Append(", TFLite needs input scale × filter scale = "u8).Append(inputQ.Scale * filterQ.Scale);
        }
        if (!(product >= SoftDouble.Zero))
            return errors.Fail(Status.Error, "input scale × filter scale must not be negative"u8);
        SoftDouble real = product / SoftDouble.FromFloat(outputQ.Scale);
        if (!QuantizationMath.QuantizeMultiplier(real, out parameters.OutputMultiplier, out parameters.OutputShift))
            return errors.Fail(Status.Error, "output multiplier (input scale × filter scale / output scale) is not a finite number"u8);
        parameters.InputOffset = -inputQ.ZeroPoint;
        parameters.FilterOffset = -filterQ.ZeroPoint;
        parameters.OutputOffset = outputQ.ZeroPoint;
        return QuantizationMath.CalculateActivationRangeQuantized(errors, activation, TensorType.UInt8, outputQ.Scale,
            outputQ.ZeroPoint, out parameters.ActivationMin, out parameters.ActivationMax);
    }

    /// <summary>One output: requantize the accumulator, add the zero point, clamp (TFLite's uint8 reference kernels).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static byte Requantize(int accumulator, in LegacyUInt8Parameters p)
    {
        int value = unchecked(FixedPointMath.MultiplyByQuantizedMultiplier(accumulator, p.OutputMultiplier, p.OutputShift) + p.OutputOffset);
        return (byte)ActivationMath.Clamp(value, p.ActivationMin, p.ActivationMax);
    }
}
