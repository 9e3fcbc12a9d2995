namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ARG_MAX / ARG_MIN Prepare and Invoke (TFLM's arg_min_max.cc): input float32 or int8 (plus int16 and int32),
/// axis a one-element int32 (or int64) tensor, output int32 (or int64) with the input's shape minus the axis.
/// Ties keep the first index; NaN never wins a comparison (as TFLM's Greater/Less).
/// </summary>
public static unsafe class ArgMinMaxCommon
{
    private const uint InputTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32);

    public static Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo axis = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, InputTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, axis, "axis"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, output, "output"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        if (axis.ElementCount != 1)
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axis.Index).Append(" has "u8).Append(axis.ElementCount)
                .Append(" elements, expected 1"u8);
        if (input.Rank < 1 || input.Rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", expected 1 to "u8).Append(ShapeChecks.MaxRank);
        status = ShapeChecks.ExpectRank(errors, output, "output"u8, input.Rank - 1);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(axis)) return Status.Ok;
        status = ResolveAxis(ShapeChecks.ReadInteger(axis, 0), input.Rank, out int resolved, errors);
        if (status != Status.Ok) return status;
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        int e = 0;
        for (int d = 0; d < input.Rank; d++)
        {
            if (d != resolved) expected[e++] = input.Dim(d);
        }
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, e));
    }

    public static Status ResolveAxis(long axis, int rank, out int resolved, ErrorReporter errors)
    {
        long value = axis < 0 ? axis + rank : axis;
        resolved = (int)value;
        if (value >= 0 && value < rank) return Status.Ok;
        return errors.Fail(Status.Error, "axis "u8).Append(axis).Append(" is outside the input's "u8).Append(rank).Append(" dimensions"u8);
    }

    public static Status Invoke(KernelContext context, ref Node node, bool isMax)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor axisTensor = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        // The axis may be a run-time input, so it is resolved here.
        Status status = ResolveAxis(ShapeChecks.ReadInteger(ref axisTensor, 0), input.Rank, out int axis, context.Errors);
        if (status != Status.Ok) return status;
        int outer = ShapeChecks.Product(input.Shape, 0, axis);
        int axisSize = input.Dim(axis);
        int inner = ShapeChecks.Product(input.Shape, axis + 1, input.Rank);
        // A run-time axis was not checked against the output in Prepare: one output element per line.
        if ((long)outer * inner != output.ElementCount)
            return context.Errors.Fail(Status.Error, "the output has "u8).Append(output.ElementCount).Append(" elements, the input has "u8)
                .Append((long)outer * inner).Append(" lines along axis "u8).Append(axis);
        if (axisSize == 0 && output.ElementCount > 0)
            return context.Errors.Fail(Status.Error, "axis "u8).Append(axis).Append(" of the input is empty"u8);
        bool wide = output.Type == TensorType.Int64;
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int best = input.Type == TensorType.Float32
                    ? ArgMinMaxMath.BestFloat((float*)input.Data, o, axisSize, inner, i, isMax)
                    : ArgMinMaxMath.BestInteger(input.Data, input.Type, o, axisSize, inner, i, isMax);
                if (wide) ((long*)output.Data)[o * inner + i] = best;
                else ((int*)output.Data)[o * inner + i] = best;
            }
        }
        return Status.Ok;
    }
}
