namespace TfLiteMicro.Kernels.Reference;

/// <summary>TANH's Init and Prepare, shared with ports (TFLM's tanh.cc, CalculateArithmeticOpData).</summary>
public static unsafe class TanhCommon
{
    /// <summary>int8 path: the input is rescaled to a fixed-point number with 4 integer bits (Q4.27).</summary>
    public const int Int8InputIntegerBits = 4;

    private const int Int16InputIntegerBits = 3;
    private const int Int16OutputFractionalBits = 15;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(TanhOpData));
        if (data == null) return context.Errors.LastStatus;
        *(TanhOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ElementwiseActivationPrepare.Check(context, ref node, out TensorInfo input, out TensorInfo output);
        if (status != Status.Ok) return status;
        TanhOpData* data = (TanhOpData*)node.UserData;
        data->InputZeroPoint = input.Quantization.ZeroPoint;
        switch (input.Type)
        {
            case TensorType.Float32:
                return Status.Ok;
            case TensorType.Int8:
                return PrepareInt8(context.Errors, data, input);
            case TensorType.Int16:
                return PrepareInt16(context.Errors, data, input, output);
            default:
                return context.UnsupportedType(input, "input"u8);
        }
    }

    /// <summary>
    /// int8: input scale · 2^27 split by frexp into a Q0.31 multiplier and a shift, TfLiteRound of the fraction
    /// · 2^31 converted to int32 without renormalizing (a fraction rounding up to 2^31 wraps to int.MinValue, as on
    /// TFLM's x86 build). The output is Q0.7 whatever the output tensor says (TFLM does not check it).
    /// </summary>
    private static Status PrepareInt8(ErrorReporter errors, TanhOpData* data, TensorInfo input)
    {
        SoftDouble realMultiplier = SoftDouble.FromFloat(input.Quantization.Scale) * SoftDouble.FromInt32(1 << (31 - Int8InputIntegerBits));
        if (!realMultiplier.IsFinite || !(realMultiplier > SoftDouble.Zero))
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has scale "u8)
                .Append(input.Quantization.Scale).Append(", TANH needs a positive finite scale"u8);
        SoftDouble fraction = realMultiplier.FrExp(out int shift);
        long multiplier = fraction.LdExp(31).RoundToInt64();
        data->InputMultiplier = multiplier == 1L << 31 ? int.MinValue : (int)multiplier;
        data->InputLeftShift = shift;
        data->InputRangeRadius = RangeRadius(shift);
        return Status.Ok;
    }

    // TFLM CalculateInputRadius(4, shift, 31) = floor((2^4 - 1) · 2^27 / 2^shift), computed in double; shift may be
    // negative for large scales.
    private static int RangeRadius(int shift)
    {
        SoftDouble maxInputRescaled = SoftDouble.FromInt64(((1L << Int8InputIntegerBits) - 1) << (31 - Int8InputIntegerBits)).LdExp(-shift);
        long radius = maxInputRescaled.Floor().ToInt64();
        return radius > int.MaxValue ? int.MinValue : (int)radius;
    }

    /// <summary>
    /// int16: zero points 0, output scale 2^-15. An input scale of 2^-12 or 2^-11 needs no multiplier (0, the shift
    /// 0 or 1 then selects 3 or 6 at Invoke); otherwise scale · 4096 · 3 is doubled until it exceeds 32767/2 (at
    /// most 31 times) and truncated.
    /// </summary>
    private static Status PrepareInt16(ErrorReporter errors, TanhOpData* data, TensorInfo input, TensorInfo output)
    {
        if (input.Quantization.ZeroPoint != 0 || output.Quantization.ZeroPoint != 0)
            return errors.Fail(Status.Error, "int16 TANH needs zero points 0, got input "u8).Append(input.Quantization.ZeroPoint)
                .Append(" and output "u8).Append(output.Quantization.ZeroPoint);
        bool powerOfTwo = LogisticCommon.CheckedLog2(input.Quantization.Scale, out int inputScaleLog2);
        data->InputLeftShift = (15 - Int16InputIntegerBits) + inputScaleLog2;
        powerOfTwo &= data->InputLeftShift == 0 || data->InputLeftShift == 1;
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
        if (!LogisticCommon.CheckedLog2(output.Quantization.Scale, out int outputScaleLog2) || outputScaleLog2 != -Int16OutputFractionalBits)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has scale "u8)
                .Append(output.Quantization.Scale).Append(", int16 TANH needs 2^-15"u8);
        return Status.Ok;
    }
}
