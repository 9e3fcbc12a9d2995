namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SQUARED_DIFFERENCE's Init and Prepare (TFLM SquaredDifferencePrepare), shared with ports: float32, int32,
/// int8 (left shift 7) and int16 (symmetric, left shift 0), computing the rescaling in double as TFLM does.
/// </summary>
public static unsafe class SquaredDifferenceCommon
{
    public const int Int8LeftShift = 7;
    public const int Int16LeftShift = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(SquaredDifferenceOpData));
        if (data == null) return context.Errors.LastStatus;
        *(SquaredDifferenceOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        SquaredDifferenceOpData* data = (SquaredDifferenceOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        Status status = BroadcastBinaryOpPrepare.CreateShape(context, ref node, out data->Shape);
        if (status != Status.Ok) return status;
        TensorInfo input1 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input1Tensor);
        TensorInfo input2 = context.GetInputInfo(ref node, BroadcastBinaryOpPrepare.Input2Tensor);
        TensorInfo output = context.GetOutputInfo(ref node, BroadcastBinaryOpPrepare.OutputTensor);
        status = BroadcastBinaryOpPrepare.ExpectSameType(context, input1, input2, output);
        if (status != Status.Ok) return status;

        switch (input1.Type)
        {
            case TensorType.Float32:
            case TensorType.Int32:
                return Status.Ok;
            case TensorType.Int8:
                status = CheckQuantized(errors, input1, input2, output);
                if (status != Status.Ok) return status;
                return PrepareQuantized(errors, data, input1, input2, output, Int8LeftShift, sbyte.MinValue, sbyte.MaxValue);
            case TensorType.Int16:
                status = CheckQuantized(errors, input1, input2, output);
                if (status != Status.Ok) return status;
                if (input1.Quantization.ZeroPoint != 0 || input2.Quantization.ZeroPoint != 0 || output.Quantization.ZeroPoint != 0)
                    return errors.Fail(Status.Error, "int16 zero points must be 0, got "u8).Append(input1.Quantization.ZeroPoint)
                        .Append(", "u8).Append(input2.Quantization.ZeroPoint).Append(" and "u8).Append(output.Quantization.ZeroPoint);
                return PrepareQuantized(errors, data, input1, input2, output, Int16LeftShift, short.MinValue, short.MaxValue);
            default:
                return context.UnsupportedType(input1, "input 1"u8);
        }
    }

    private static Status CheckQuantized(ErrorReporter errors, TensorInfo input1, TensorInfo input2, TensorInfo output)
    {
        if (!input1.Quantization.HasQuantization || !input2.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "quantized SQUARED_DIFFERENCE needs quantization parameters on both inputs and the output"u8);
        int min = input1.Type == TensorType.Int8 ? sbyte.MinValue : short.MinValue;
        int max = input1.Type == TensorType.Int8 ? sbyte.MaxValue : short.MaxValue;
        if (OutOfRange(input1.Quantization.ZeroPoint, min, max) || OutOfRange(input2.Quantization.ZeroPoint, min, max)
            || OutOfRange(output.Quantization.ZeroPoint, min, max))
            return errors.Fail(Status.Error, "zero points must lie in the range of the type"u8);
        return Status.Ok;
    }

    private static bool OutOfRange(int value, int min, int max) => value < min || value > max;

    /// <summary>
    /// TFLM's PrepareQuantized, each double step in the same order: twice = 2 · max(s1, s2); m1 = s1 / twice;
    /// m2 = s2 / twice; mOut = twice² / (float(2^(2 · leftShift)) · sOut) — that last product is a float
    /// product in the C++ (int times float).
    /// </summary>
    private static Status PrepareQuantized(ErrorReporter errors, SquaredDifferenceOpData* data, TensorInfo input1, TensorInfo input2,
        TensorInfo output, int leftShift, int activationMin, int activationMax)
    {
        float scale1 = input1.Quantization.Scale;
        float scale2 = input2.Quantization.Scale;
        float outputScale = output.Quantization.Scale;
        data->Input1Offset = -input1.Quantization.ZeroPoint;
        data->Input2Offset = -input2.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        data->LeftShift = leftShift;
        data->OutputActivationMin = activationMin;
        data->OutputActivationMax = activationMax;

        float larger = scale1 < scale2 ? scale2 : scale1;
        SoftDouble twiceMaxInputScale = SoftDouble.FromInt32(2) * SoftDouble.FromFloat(larger);
        SoftDouble real1 = SoftDouble.FromFloat(scale1) / twiceMaxInputScale;
        SoftDouble real2 = SoftDouble.FromFloat(scale2) / twiceMaxInputScale;
        float outputDenominator = (1 << (leftShift * 2)) * outputScale;
        SoftDouble realOutput = twiceMaxInputScale * twiceMaxInputScale / SoftDouble.FromFloat(outputDenominator);

        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(real1, out data->Input1Multiplier, out data->Input1Shift)
            || !QuantizationMath.QuantizeMultiplierSmallerThanOneExp(real2, out data->Input2Multiplier, out data->Input2Shift))
            return errors.Fail(Status.Error, "input scales "u8).Append(scale1).Append(" and "u8).Append(scale2)
                .Append(" must be positive and finite"u8);
        if (!(outputScale > 0f) || !QuantizationMath.QuantizeMultiplier(realOutput, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output scale "u8).Append(outputScale).Append(" must be positive and finite"u8);
        return Status.Ok;
    }
}
