using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CUMSUM (float32, int8): running sum along the axis given by a one-element int32 tensor, optionally exclusive
/// and/or reversed (TFLM's cumsum.cc). int8 rescales each input to a common 2^20-scaled integer domain as ADD does;
/// like TFLM, the int8 running sum starts from the rescaled input offset (-input zero point), not from zero, so
/// every output carries that extra term (the goldens contain it).
/// </summary>
public sealed unsafe class Cumsum : OpKernel
{
    public static readonly Cumsum Kernel = new Cumsum();

    /// <summary>TFLM's kCumSumIntegerShift.</summary>
    public const int IntegerShift = 20;

    public override Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(CumsumOpData));
        if (data == null) return context.Errors.LastStatus;
        *(CumsumOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo axis = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        if (input.Type != TensorType.Float32 && input.Type != TensorType.Int8) return context.UnsupportedType(input, "input"u8);
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(axis, TensorType.Int32, "axis"u8);
        if (status != Status.Ok) return status;
        if (axis.ElementCount != 1)
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axis.Index).Append(" has "u8).Append(axis.ElementCount)
                .Append(" elements, expected 1"u8);
        if (input.Rank < 1)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" is a scalar; CUMSUM needs rank >= 1"u8);
        status = ShapeChecks.ExpectShape(errors, output, "output"u8, input.Shape);
        if (status != Status.Ok) return status;
        if (ShapeChecks.IsKnown(axis))
        {
            status = CumsumMath.ResolveAxis(*(int*)axis.Data, input.Rank, out _, errors);
            if (status != Status.Ok) return status;
        }
        if (input.Type != TensorType.Int8) return Status.Ok;

        CumsumOpData* data = (CumsumOpData*)node.UserData;
        if (!input.Quantization.HasQuantization || !output.Quantization.HasQuantization)
            return errors.Fail(Status.Error, "int8 CUMSUM needs quantization parameters on input tensor "u8).Append(input.Index)
                .Append(" and output tensor "u8).Append(output.Index);
        data->InputOffset = -input.Quantization.ZeroPoint;
        data->OutputOffset = output.Quantization.ZeroPoint;
        data->LeftShift = IntegerShift;
        // TFLM computes these in double: twice = 2·s_in, m_in = s_in / twice, m_out = twice / (2^20 · s_out).
        SoftDouble twiceInputScale = SoftDouble.FromInt32(2) * SoftDouble.FromFloat(input.Quantization.Scale);
        SoftDouble realInput = SoftDouble.FromFloat(input.Quantization.Scale) / twiceInputScale;
        SoftDouble realOutput = twiceInputScale / (SoftDouble.FromInt32(1 << IntegerShift) * SoftDouble.FromFloat(output.Quantization.Scale));
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realInput, out data->InputMultiplier, out data->InputShift))
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" scale "u8).Append(input.Quantization.Scale)
                .Append(" must be positive and finite"u8);
        if (!QuantizationMath.QuantizeMultiplierSmallerThanOneExp(realOutput, out data->OutputMultiplier, out data->OutputShift))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" scale "u8).Append(output.Quantization.Scale)
                .Append(" is too small for the input scale"u8);
        return QuantizationMath.CalculateActivationRangeQuantized(errors, (int)ActivationFunctionType.NONE, output.Type,
            output.Quantization.Scale, data->OutputOffset, out data->OutputActivationMin, out data->OutputActivationMax);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor axisTensor = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        // The axis may be a run-time input; TFLM also reads and checks it in Eval.
        Status status = CumsumMath.ResolveAxis(*(int*)axisTensor.Data, input.Rank, out int axis, context.Errors);
        if (status != Status.Ok) return status;
        CumsumOptions options = new CumsumOptions(node.BuiltinOptions);
        if (input.Type == TensorType.Float32)
        {
            CumsumMath.CumSum(input.AsReadOnlySpan<float>(), output.AsSpan<float>(), input.Shape, axis, options.Exclusive, options.Reverse);
        }
        else
        {
            CumsumOpData* data = (CumsumOpData*)node.UserData;
            CumsumMath.CumSum(ref *data, input.AsReadOnlySpan<sbyte>(), output.AsSpan<sbyte>(), input.Shape, axis, options.Exclusive,
                options.Reverse);
        }
        return Status.Ok;
    }
}
