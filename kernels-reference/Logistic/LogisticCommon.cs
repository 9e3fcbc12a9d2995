namespace TfLiteMicro.Kernels.Reference;

/// <summary>LOGISTIC's Init and Prepare, shared with ports (TFLM's logistic_common.cc).</summary>
public static unsafe class LogisticCommon
{
    public const int InputTensor = 0;
    public const int OutputTensor = 0;

    /// <summary>int8 path: the input is rescaled to a fixed-point number with 4 integer bits (Q4.27).</summary>
    public const int Int8InputIntegerBits = 4;

    private const int Int16InputIntegerBits = 3;
    private const int Int16OutputFractionalBits = 15;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(LogisticOpData));
        if (data == null) return context.Errors.LastStatus;
        *(LogisticOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        LogisticOpData* data = (LogisticOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        if (output.ElementCount != input.ElementCount)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has "u8).Append(output.ElementCount)
                .Append(" elements, input has "u8).Append(input.ElementCount);

        switch (input.Type)
        {
            case TensorType.Float32:
                return Status.Ok;
            case TensorType.Int8:
                if (output.Quantization.ZeroPoint != sbyte.MinValue)
                    return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has zero point "u8)
                        .Append(output.Quantization.ZeroPoint).Append(", LOGISTIC needs -128"u8);
                return PrepareInt8(errors, data, input);
            case TensorType.Int16:
                return PrepareInt16(errors, data, input, output);
            case TensorType.UInt8:
                return LogisticUInt8.Prepare(context, data, input, output);
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    /// <summary>
    /// int8: input scale · 2^27 split by frexp into a Q0.31 multiplier and a shift. Unlike QuantizeMultiplier,
    /// TFLM does not renormalize a fraction that rounds up to 2^31; its int32 conversion then gives int.MinValue
    /// on x86, reproduced here.
    /// </summary>
    private static Status PrepareInt8(ErrorReporter errors, LogisticOpData* data, TensorInfo input)
    {
        SoftDouble realMultiplier = SoftDouble.FromFloat(input.Quantization.Scale) * SoftDouble.FromInt32(1 << (31 - Int8InputIntegerBits));
        if (!realMultiplier.IsFinite || !(realMultiplier > SoftDouble.Zero))
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has scale "u8)
                .Append(input.Quantization.Scale).Append(", LOGISTIC needs a positive finite scale"u8);
        SoftDouble fraction = realMultiplier.FrExp(out int shift);
        long multiplier = fraction.LdExp(31).RoundToInt64();
        data->InputMultiplier = multiplier == 1L << 31 ? int.MinValue : (int)multiplier;
        data->InputLeftShift = shift;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        data->InputRangeRadius = RangeRadius(shift);
        return Status.Ok;
    }

    // TFLM CalculateInputRadius(4, shift, 31) = floor((2^4 - 1) · 2^27 / 2^shift), computed in double there; shift
    // may be negative for large scales, where the value no longer fits a plain shift.
    private static int RangeRadius(int shift)
    {
        SoftDouble maxInputRescaled = SoftDouble.FromInt64(((1L << Int8InputIntegerBits) - 1) << (31 - Int8InputIntegerBits)).LdExp(-shift);
        SoftDouble floor = maxInputRescaled.Floor();
        long radius = floor.ToInt64();
        return radius > int.MaxValue ? int.MinValue : (int)radius;
    }

    /// <summary>
    /// int16: zero points 0, output scale 2^-15. A power-of-two input scale of 2^-12 needs no multiplier (0);
    /// otherwise scale · 3 · 4096 is doubled until it exceeds 32767/2 (at most 31 times) and truncated.
    /// </summary>
    private static Status PrepareInt16(ErrorReporter errors, LogisticOpData* data, TensorInfo input, TensorInfo output)
    {
        if (input.Quantization.ZeroPoint != 0 || output.Quantization.ZeroPoint != 0)
            return errors.Fail(Status.Error, "int16 LOGISTIC needs zero points 0, got input "u8).Append(input.Quantization.ZeroPoint)
                .Append(" and output "u8).Append(output.Quantization.ZeroPoint);
        bool powerOfTwo = CheckedLog2(input.Quantization.Scale, out int inputScaleLog2);
        data->InputLeftShift = (15 - Int16InputIntegerBits) + inputScaleLog2;
        powerOfTwo &= data->InputLeftShift == 0;
        if (powerOfTwo)
        {
            data->InputMultiplier = 0;
        }
        else
        {
            SoftDouble multiplier = SoftDouble.FromFloat(input.Quantization.Scale) * SoftDouble.FromInt32(4096) * SoftDouble.FromInt32(3);
            SoftDouble limit = SoftDouble.FromInt32(32767) / SoftDouble.FromInt32(2);
            SoftDouble two = SoftDouble.FromInt32(2);
            data->InputLeftShift = 0;
            while (multiplier <= limit && data->InputLeftShift <= 30)
            {
                data->InputLeftShift++;
                multiplier = multiplier * two;
            }
            data->InputMultiplier = (int)multiplier.ToInt64();
        }
        if (!CheckedLog2(output.Quantization.Scale, out int outputScaleLog2) || outputScaleLog2 != -Int16OutputFractionalBits)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has scale "u8)
                .Append(output.Quantization.Scale).Append(", int16 LOGISTIC needs 2^-15"u8);
        return Status.Ok;
    }

    /// <summary>
    /// TFLM <c>CheckedLog2</c>: log2 of a float as <c>logf(x) · (1.0f / logf(2.0f))</c> in float, rounded;
    /// true when within 1e-3 of an integer. logf is the correctly rounded natural log (software double).
    /// </summary>
    public static bool CheckedLog2(float x, out int log2)
    {
        float inverseLn2 = 1.0f / 0.693147182f; // 1 / logf(2)
        float xLog2 = NaturalLog(x) * inverseLn2;
        float rounded = QuantizationMath.RoundHalfAwayFromZero(xLog2);
        float fraction = xLog2 - rounded;
        log2 = (int)rounded;
        if (fraction < 0) fraction = -fraction;
        return fraction < 1e-3f;
    }

    // ln(x) for a positive float, rounded to float: x = m · 2^e with m in [1, 2), ln m = 2 atanh((m − 1)/(m + 1)).
    private static float NaturalLog(float x)
    {
        if (!(x > 0f)) return float.NaN;
        SoftDouble value = SoftDouble.FromFloat(x);
        SoftDouble fraction = value.FrExp(out int exponent);
        SoftDouble m = fraction.LdExp(1);
        exponent -= 1;
        SoftDouble one = SoftDouble.One;
        SoftDouble t = (m - one) / (m + one);
        SoftDouble t2 = t * t;
        // atanh(t) = t (1 + t²/3 + t⁴/5 + ...); t ≤ 1/3, so 30 terms are far beyond double precision.
        SoftDouble sum = SoftDouble.Zero;
        for (int n = 59; n >= 1; n -= 2)
        {
            sum = one / SoftDouble.FromInt32(n) + t2 * sum;
        }
        SoftDouble ln2 = SoftDouble.FromBits(0x3FE6_2E42_FEFA_39EFUL);
        SoftDouble result = SoftDouble.FromInt32(2) * t * sum + SoftDouble.FromInt32(exponent) * ln2;
        return result.ToFloat();
    }
}
