using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels;

/// <summary>
/// Prepare-time quantization arithmetic, reproducing TFLM bit for bit without hardware <c>double</c>:
/// <c>tensorflow/lite/kernels/internal/quantization_util.cc</c> (QuantizeMultiplier and friends),
/// <c>tensorflow/lite/kernels/kernel_util.cc</c> (convolution multipliers, activation ranges) and the
/// float quantization of <c>reference/quantize.h</c>. Every C++ <c>double</c> expression is evaluated with
/// <see cref="SoftDouble"/> in the same order, so rounding happens at the same steps.
/// </summary>
public static class QuantizationMath
{
    /// <summary>Fused activation codes (TFLite schema <c>ActivationFunctionType</c> / <c>TfLiteFusedActivation</c>).</summary>
    public const int ActivationNone = 0;
    public const int ActivationRelu = 1;
    public const int ActivationReluN1To1 = 2;
    public const int ActivationRelu6 = 3;
    public const int ActivationTanh = 4;
    public const int ActivationSignBit = 5;
    public const int ActivationSigmoid = 6;

    private const long TwoPow31 = 1L << 31;

    // ---------------------------------------------------------------------------------------------
    // quantization_util.cc

    /// <summary>
    /// TFLM <c>QuantizeMultiplier</c> (default build: not TFLITE_SINGLE_ROUNDING, not TFLITE_EMULATE_FLOAT):
    /// <c>m = quantizedMultiplier * 2^(shift - 31)</c> with |quantizedMultiplier| in [2^30, 2^31).
    /// q = round(frexp(m) * 2^31) (half away from zero); q == 2^31 becomes 2^30 with shift + 1; a shift below
    /// -31 flushes to (0, 0); zero gives (0, 0).
    /// Returns false where TFLM's TFLITE_CHECK would abort (NaN or infinite <paramref name="realMultiplier"/>);
    /// the outputs are then (0, 0).
    /// </summary>
    public static bool QuantizeMultiplier(SoftDouble realMultiplier, out int quantizedMultiplier, out int shift)
    {
        quantizedMultiplier = 0;
        shift = 0;
        if (realMultiplier.IsZero) return true;
        if (!realMultiplier.IsFinite) return false;

        SoftDouble fraction = realMultiplier.FrExp(out int exponent);
        // fraction * 2^31 is exact (a power-of-two scaling of a normal number), as in the C++ expression.
        long fixedPoint = fraction.LdExp(31).RoundToInt64();
        // Only +2^31 is renormalized, as in TFLM; a negative fraction rounding to -2^31 fits int32 and stays.
        if (fixedPoint == TwoPow31)
        {
            fixedPoint /= 2;
            exponent++;
        }
        if (exponent < -31)
        {
            exponent = 0;
            fixedPoint = 0;
        }
        quantizedMultiplier = (int)fixedPoint;
        shift = exponent;
        return true;
    }

    /// <summary>
    /// TFLM <c>QuantizeMultiplierSmallerThanOneExp</c>: requires 0 &lt; m &lt; 1 and a resulting shift &lt;= 0
    /// (TFLM CHECKs these; here false is returned instead). <paramref name="leftShift"/> is &lt;= 0.
    /// </summary>
    public static bool QuantizeMultiplierSmallerThanOneExp(SoftDouble realMultiplier, out int quantizedMultiplier, out int leftShift)
    {
        quantizedMultiplier = 0;
        leftShift = 0;
        if (!(realMultiplier < SoftDouble.One) || !(realMultiplier > SoftDouble.Zero)) return false;
        bool ok = QuantizeMultiplier(realMultiplier, out quantizedMultiplier, out int shift);
        leftShift = shift;
        return ok && shift <= 0;
    }

    /// <summary>TFLM <c>QuantizeMultiplierGreaterThanOne</c>: requires m &gt; 1 and gives a shift &gt;= 0.</summary>
    public static bool QuantizeMultiplierGreaterThanOne(SoftDouble realMultiplier, out int quantizedMultiplier, out int leftShift)
    {
        quantizedMultiplier = 0;
        leftShift = 0;
        if (!(realMultiplier > SoftDouble.One)) return false;
        bool ok = QuantizeMultiplier(realMultiplier, out quantizedMultiplier, out leftShift);
        return ok && leftShift >= 0;
    }

    /// <summary>TFLM <c>QuantizeMultiplierArray</c>: element-wise <see cref="QuantizeMultiplier"/>.</summary>
    public static bool QuantizeMultiplierArray(ReadOnlySpan<SoftDouble> effectiveScales, Span<int> significands, Span<int> shifts)
    {
        bool ok = true;
        for (int i = 0; i < effectiveScales.Length; i++)
        {
            ok &= QuantizeMultiplier(effectiveScales[i], out significands[i], out shifts[i]);
        }
        return ok;
    }

    /// <summary>
    /// TFLM <c>PreprocessSoftmaxScaling</c> (double path): multiplier = min(beta * inputScale *
    /// 2^(31 - inputIntegerBits), 2^31 - 1), then <see cref="QuantizeMultiplierGreaterThanOne"/>.
    /// <paramref name="beta"/> and <paramref name="inputScale"/> are the C++ doubles (usually widened floats).
    /// </summary>
    public static bool PreprocessSoftmaxScaling(SoftDouble beta, SoftDouble inputScale, int inputIntegerBits,
        out int quantizedMultiplier, out int leftShift)
    {
        SoftDouble maxRealMultiplier = SoftDouble.FromInt64(TwoPow31 - 1);
        SoftDouble scaled = beta * inputScale * SoftDouble.FromInt32(1 << (31 - inputIntegerBits));
        // std::min(a, b) returns b only when b < a.
        SoftDouble inputBetaRealMultiplier = maxRealMultiplier < scaled ? maxRealMultiplier : scaled;
        return QuantizeMultiplierGreaterThanOne(inputBetaRealMultiplier, out quantizedMultiplier, out leftShift);
    }

    /// <summary>
    /// TFLM <c>PreprocessLogSoftmaxScalingExp</c>: <see cref="PreprocessSoftmaxScaling"/> plus the reverse
    /// scaling divisor (1 &lt;&lt; (31 - leftShift)) / quantizedMultiplier quantized as smaller than one.
    /// </summary>
    public static bool PreprocessLogSoftmaxScalingExp(SoftDouble beta, SoftDouble inputScale, int inputIntegerBits,
        out int quantizedMultiplier, out int leftShift, out int reverseScalingDivisor, out int reverseScalingLeftShift)
    {
        bool ok = PreprocessSoftmaxScaling(beta, inputScale, inputIntegerBits, out quantizedMultiplier, out leftShift);
        // C++: (1 << (31 - left_shift)) is an int expression, converted to double for the division.
        SoftDouble numerator = SoftDouble.FromInt32(1 << (31 - leftShift));
        SoftDouble realReverseScalingDivisor = numerator / SoftDouble.FromInt32(quantizedMultiplier);
        ok &= QuantizeMultiplierSmallerThanOneExp(realReverseScalingDivisor, out reverseScalingDivisor, out reverseScalingLeftShift);
        return ok;
    }

    /// <summary>
    /// TFLM <c>CalculateInputRadius</c>: floor(((2^intBits - 1) * 2^(totalSignedBits - intBits)) / 2^leftShift).
    /// The C++ double expression is exact (integers below 2^53 scaled by powers of two), so integer shifts give
    /// the same result.
    /// </summary>
    public static int CalculateInputRadius(int inputIntegerBits, int inputLeftShift, int totalSignedBits = 31)
    {
        long maxInputRescaled = ((1L << inputIntegerBits) - 1) << (totalSignedBits - inputIntegerBits);
        return (int)(maxInputRescaled >> inputLeftShift);
    }

    // ---------------------------------------------------------------------------------------------
    // kernel_util.cc

    /// <summary>
    /// One entry of TFLM's per-channel loop in <c>PopulateConvolutionQuantizationParams</c> (and the
    /// per-channel branch of fully_connected_common.cc): <c>(double)input_scale * (double)filter_scale /
    /// (double)output_scale</c>, left to right in double.
    /// </summary>
    public static SoftDouble EffectiveOutputScale(float inputScale, float filterScale, float outputScale)
    {
        return SoftDouble.FromFloat(inputScale) * SoftDouble.FromFloat(filterScale) / SoftDouble.FromFloat(outputScale);
    }

    /// <summary>
    /// TFLM <c>GetQuantizedConvolutionMultipler</c> without bias: the product of the scales is taken in
    /// <em>float</em> and then widened, <c>(double)(input_scale * filter_scale) / (double)output_scale</c>.
    /// Used by per-tensor fully connected (and legacy uint8 conv). Returns false when the product is negative
    /// (TFLM's TF_LITE_ENSURE).
    /// </summary>
    public static bool GetQuantizedConvolutionMultiplier(float inputScale, float filterScale, float outputScale, out SoftDouble multiplier)
    {
        float productInFloat = inputScale * filterScale;
        SoftDouble inputProductScale = SoftDouble.FromFloat(productInFloat);
        multiplier = SoftDouble.Zero;
        if (!(inputProductScale >= SoftDouble.Zero)) return false;
        multiplier = inputProductScale / SoftDouble.FromFloat(outputScale);
        return true;
    }

    /// <summary>
    /// TFLM <c>GetQuantizedConvolutionMultipler</c> with a bias tensor: first checks
    /// <c>|(double)input_scale * (double)filter_scale - (double)bias_scale| / (double)output_scale &lt;= 0.02</c>
    /// (products in double here, unlike the multiplier itself), then returns the bias-less multiplier.
    /// </summary>
    public static bool GetQuantizedConvolutionMultiplier(float inputScale, float filterScale, float biasScale, float outputScale,
        out SoftDouble multiplier)
    {
        multiplier = SoftDouble.Zero;
        if (!BiasScaleIsConsistent(inputScale, filterScale, biasScale, outputScale)) return false;
        return GetQuantizedConvolutionMultiplier(inputScale, filterScale, outputScale, out multiplier);
    }

    /// <summary>The bias-scale check of TFLM's <c>GetQuantizedConvolutionMultipler</c> (see above).</summary>
    public static bool BiasScaleIsConsistent(float inputScale, float filterScale, float biasScale, float outputScale)
    {
        SoftDouble inputProductScale = SoftDouble.FromFloat(inputScale) * SoftDouble.FromFloat(filterScale);
        SoftDouble scaleDifference = (inputProductScale - SoftDouble.FromFloat(biasScale)).Abs();
        SoftDouble relative = scaleDifference / SoftDouble.FromFloat(outputScale);
        // The C++ literal 0.02 as a double.
        SoftDouble tolerance = SoftDouble.FromBits(0x3F94_7AE1_47AE_147BUL);
        return relative <= tolerance;
    }

    /// <summary>
    /// The multiplier loop of TFLM's <c>PopulateConvolutionQuantizationParams</c>: for each of
    /// <c>multipliers.Length</c> channels, quantizes <see cref="EffectiveOutputScale"/>; a single filter scale
    /// (per-tensor quantization) is broadcast over all channels. Returns false if a scale list has the wrong
    /// length or a multiplier cannot be quantized.
    /// </summary>
    public static bool PopulateConvolutionMultipliers(float inputScale, ReadOnlySpan<float> filterScales, float outputScale,
        Span<int> multipliers, Span<int> shifts)
    {
        int channels = multipliers.Length;
        if (shifts.Length != channels) return false;
        bool perChannel = filterScales.Length > 1;
        if (filterScales.Length == 0 || (perChannel && filterScales.Length != channels)) return false;
        // EffectiveOutputScale with the two shared scales widened once, before the loop: the float arguments are then
        // not kept across calls, which ilc's ARM32 code would do with a double-register move (vmov.f64) that a
        // single-precision FPU emulates in a UsageFault (ports/baremetal/README.md).
        SoftDouble input = SoftDouble.FromFloat(inputScale);
        SoftDouble output = SoftDouble.FromFloat(outputScale);
        bool ok = true;
        for (int i = 0; i < channels; i++)
        {
            float filterScale = perChannel ? filterScales[i] : filterScales[0];
            ok &= QuantizeMultiplier(input * SoftDouble.FromFloat(filterScale) / output, out multipliers[i], out shifts[i]);
        }
        return ok;
    }

    /// <summary>
    /// TFLM <c>PopulateConvolutionQuantizationParams</c> for int8/int16 inputs: per-channel multipliers and
    /// shifts plus the quantized activation range. TFLM's checks are kept: per-channel quantization needs an
    /// int8/int16 input, an int8 filter and one scale per channel. (The legacy uint8 per-tensor
    /// multiplier is not produced: TFLM's reference conv kernels do not accept uint8.)
    /// </summary>
    public static Status PopulateConvolutionQuantizationParams(ErrorReporter errors,
        TensorType inputType, float inputScale,
        TensorType filterType, ReadOnlySpan<float> filterScales,
        TensorType outputType, float outputScale, int outputZeroPoint,
        int activation, Span<int> perChannelMultiplier, Span<int> perChannelShift,
        out int outputActivationMin, out int outputActivationMax)
    {
        outputActivationMin = 0;
        outputActivationMax = 0;
        int channels = perChannelMultiplier.Length;
        if (filterScales.Length == 0)
        {
            return errors.Fail(Status.InvalidArgument, "filter has no quantization scale"u8);
        }
        if (filterScales.Length > 1)
        {
            if (inputType != TensorType.Int8 && inputType != TensorType.Int16)
            {
                return errors.Fail(Status.InvalidArgument, "per-channel quantization needs an INT8 or INT16 input"u8);
            }
            if (filterType != TensorType.Int8)
            {
                return errors.Fail(Status.InvalidArgument, "per-channel quantization needs an INT8 filter"u8);
            }
            if (filterScales.Length != channels)
            {
                return errors.Fail(Status.InvalidArgument, "filter has "u8).Append(filterScales.Length)
                    .Append(" scales for "u8).Append(channels).Append(" channels"u8);
            }
        }
        if (!PopulateConvolutionMultipliers(inputScale, filterScales, outputScale, perChannelMultiplier, perChannelShift))
        {
            return errors.Fail(Status.InvalidArgument, "convolution output multiplier is not a finite number"u8);
        }
        if (inputType == TensorType.Int8 || inputType == TensorType.UInt8 || inputType == TensorType.Int16)
        {
            return CalculateActivationRangeQuantized(errors, activation, outputType, outputScale, outputZeroPoint,
                out outputActivationMin, out outputActivationMax);
        }
        return Status.Ok;
    }

    /// <summary>
    /// TFLM <c>CalculateActivationRangeQuantized</c>: the type's range narrowed by the fused activation, each
    /// bound quantized in float (see <see cref="TryQuantizeActivationBound"/>). Fails for an output type other
    /// than uint8/int8/int16 or when a bound does not fit int32.
    /// </summary>
    public static Status CalculateActivationRangeQuantized(ErrorReporter errors, int activation, TensorType outputType,
        float outputScale, int outputZeroPoint, out int activationMin, out int activationMax)
    {
        activationMin = 0;
        activationMax = 0;
        int typeMin;
        int typeMax;
        switch (outputType)
        {
            case TensorType.UInt8: typeMin = byte.MinValue; typeMax = byte.MaxValue; break;
            case TensorType.Int8: typeMin = sbyte.MinValue; typeMax = sbyte.MaxValue; break;
            case TensorType.Int16: typeMin = short.MinValue; typeMax = short.MaxValue; break;
            default:
                return errors.Fail(Status.InvalidArgument, "quantized activation range needs a UINT8, INT8 or INT16 output, got "u8)
                    .Append(TensorTypes.Name(outputType));
        }
        if (!TryCalculateActivationRangeQuantized(activation, typeMin, typeMax, outputScale, outputZeroPoint,
                out activationMin, out activationMax))
        {
            return errors.Fail(Status.InvalidArgument, "activation bound overflows int32 at output scale "u8).Append(outputScale);
        }
        return Status.Ok;
    }

    /// <summary>
    /// TFLM <c>CalculateActivationRangeQuantizedImpl</c> with explicit type bounds: Relu → [max(qmin, q(0)),
    /// qmax]; Relu6 → [max(qmin, q(0)), min(qmax, q(6))]; ReluN1To1 → [max(qmin, q(-1)), min(qmax, q(1))];
    /// anything else → [qmin, qmax].
    /// </summary>
    public static bool TryCalculateActivationRangeQuantized(int activation, int qmin, int qmax, float scale, int zeroPoint,
        out int activationMin, out int activationMax)
    {
        activationMin = qmin;
        activationMax = qmax;
        int bound;
        switch (activation)
        {
            case ActivationRelu:
                if (!TryQuantizeActivationBound(scale, zeroPoint, 0f, out bound)) return false;
                activationMin = Max(qmin, bound);
                return true;
            case ActivationRelu6:
                if (!TryQuantizeActivationBound(scale, zeroPoint, 0f, out bound)) return false;
                activationMin = Max(qmin, bound);
                if (!TryQuantizeActivationBound(scale, zeroPoint, 6f, out bound)) return false;
                activationMax = Min(qmax, bound);
                return true;
            case ActivationReluN1To1:
                if (!TryQuantizeActivationBound(scale, zeroPoint, -1f, out bound)) return false;
                activationMin = Max(qmin, bound);
                if (!TryQuantizeActivationBound(scale, zeroPoint, 1f, out bound)) return false;
                activationMax = Min(qmax, bound);
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The anonymous <c>Quantize</c> helper in kernel_util.cc: <c>tmp = TfLiteRound(f / scale)</c> in float
    /// (roundf), rejected unless int32 min &lt;= tmp &lt;= int32 max compared as floats, then
    /// <c>zero_point + (int32)tmp</c>.
    /// </summary>
    public static bool TryQuantizeActivationBound(float scale, int zeroPoint, float value, out int quantized)
    {
        float rounded = RoundHalfAwayFromZero(value / scale);
        // (float)int.MaxValue is 2^31, so like TFLM this admits 2^31 itself; the C++ cast is then undefined,
        // and C# (saturating) gives int.MaxValue.
        if (!(rounded >= -2147483648f && rounded <= 2147483648f))
        {
            quantized = 0;
            return false;
        }
        quantized = unchecked(zeroPoint + (int)rounded);
        return true;
    }

    /// <summary>
    /// TFLM <c>CalculateActivationRange</c> for float: Relu [0, max], Relu6 [0, 6], ReluN1To1 [-1, 1],
    /// otherwise [lowest, max].
    /// </summary>
    public static void CalculateActivationRange(int activation, out float activationMin, out float activationMax)
    {
        switch (activation)
        {
            case ActivationRelu: activationMin = 0f; activationMax = float.MaxValue; break;
            case ActivationRelu6: activationMin = 0f; activationMax = 6f; break;
            case ActivationReluN1To1: activationMin = -1f; activationMax = 1f; break;
            default: activationMin = float.MinValue; activationMax = float.MaxValue; break;
        }
    }

    /// <summary>Integer version of <see cref="CalculateActivationRange(int, out float, out float)"/> (TFLM's template for int32/int64).</summary>
    public static void CalculateActivationRange(int activation, out int activationMin, out int activationMax)
    {
        switch (activation)
        {
            case ActivationRelu: activationMin = 0; activationMax = int.MaxValue; break;
            case ActivationRelu6: activationMin = 0; activationMax = 6; break;
            case ActivationReluN1To1: activationMin = -1; activationMax = 1; break;
            default: activationMin = int.MinValue; activationMax = int.MaxValue; break;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // reference/quantize.h

    /// <summary>
    /// TFLM <c>AffineQuantize</c> for one element, before clamping:
    /// <c>(int32)TfLiteRound(value / (float)scale) + zero_point</c>, all in float (the op's double scale is a
    /// widened float, so narrowing it back is exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Quantize(float value, float scale, int zeroPoint)
    {
        return unchecked((int)RoundHalfAwayFromZero(value / scale) + zeroPoint);
    }

    /// <summary><see cref="Quantize"/> clamped to [min, max], as AffineQuantize stores it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int QuantizeClamped(float value, float scale, int zeroPoint, int min, int max)
    {
        int unclamped = Quantize(value, scale, zeroPoint);
        return unclamped < min ? min : unclamped > max ? max : unclamped;
    }

    /// <summary>
    /// C <c>roundf</c> (TfLiteRound on float): nearest integer, halfway cases away from zero, computed on the
    /// bit pattern so no Math/MathF call (or double) is needed. NaN and infinities are returned unchanged.
    /// </summary>
    public static unsafe float RoundHalfAwayFromZero(float value)
    {
        uint bits = *(uint*)&value;
        int biased = (int)((bits >> 23) & 0xFF);
        if (biased >= 127 + 23) return value; // already an integer, or inf/NaN
        uint sign = bits & 0x8000_0000u;
        uint result;
        if (biased < 126)
        {
            result = sign; // |x| < 0.5
        }
        else if (biased == 126)
        {
            result = sign | 0x3F80_0000u; // 0.5 <= |x| < 1
        }
        else
        {
            int fractionBitCount = 127 + 23 - biased;
            uint fractionMask = (1u << fractionBitCount) - 1;
            result = (bits + (1u << (fractionBitCount - 1))) & ~fractionMask;
        }
        return *(float*)&result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Max(int a, int b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Min(int a, int b) => a < b ? a : b;
}
