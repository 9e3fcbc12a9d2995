namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// DYNAMIC_UPDATE_SLICE (float32, int8, int32 as in TFLM, plus int16, int64, bool): inputs (operand, update,
/// start_indices int32/int64 [rank]); the output is the operand with the update written at the start indices, each
/// clamped to [0, operand.dim - update.dim] (TFLM's dynamic_update_slice.cc), rank at most 6. Prepare also requires
/// the output to have the operand's shape.
/// </summary>
public sealed unsafe class DynamicUpdateSlice : OpKernel
{
    public static readonly DynamicUpdateSlice Kernel = new DynamicUpdateSlice();

    /// <summary>TFLM's kMaxDimensions for this op.</summary>
    public const int MaxDims = 6;

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Int64) | (1u << (int)TensorType.Bool);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 3, 1);
        if (status != Status.Ok) return status;
        TensorInfo operand = context.GetInputInfo(ref node, 0);
        TensorInfo update = context.GetInputInfo(ref node, 1);
        TensorInfo indices = context.GetInputInfo(ref node, 2);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, operand, SupportedTypes, "operand"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, update, operand, "update"u8, "operand"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, operand, "output"u8, "operand"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, indices, "start_indices"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        if (operand.Rank < 1 || operand.Rank > MaxDims)
            return errors.Fail(Status.Error, "operand tensor "u8).Append(operand.Index).Append(" has rank "u8).Append(operand.Rank)
                .Append(", expected 1 to "u8).Append(MaxDims);
        int* vectorShape = stackalloc int[1];
        vectorShape[0] = operand.Rank;
        status = ShapeChecks.ExpectShape(errors, indices, "start_indices"u8, new System.ReadOnlySpan<int>(vectorShape, 1));
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectShape(errors, output, "output"u8, operand.Shape);
        if (status != Status.Ok) return status;
        bool fits = update.Rank == operand.Rank;
        for (int d = 0; fits && d < operand.Rank; d++)
        {
            if (update.Dim(d) > operand.Dim(d)) fits = false;
        }
        if (!fits)
        {
            ErrorReporter report = errors.Fail(Status.Error, "update tensor "u8).Append(update.Index).Append(' ');
            ShapeChecks.AppendShape(report, update.Shape).Append(" does not fit in operand tensor "u8).Append(operand.Index).Append(' ');
            ShapeChecks.AppendShape(report, operand.Shape);
            return Status.Error;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor operand = ref context.GetInput(ref node, 0);
        ref EvalTensor update = ref context.GetInput(ref node, 1);
        ref EvalTensor indices = ref context.GetInput(ref node, 2);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int rank = operand.Rank;
        int elementSize = TensorTypes.ElementSize(operand.Type);
        int updateCount = update.ElementCount;
        if (updateCount == operand.ElementCount)
        {
            ShapeChecks.CopyBytes(update.Data, output.Data, update.ByteCount);
            return Status.Ok;
        }
        ShapeChecks.CopyBytes(operand.Data, output.Data, operand.ByteCount);
        if (updateCount == 0) return Status.Ok;
        int* starts = stackalloc int[MaxDims];
        for (int d = 0; d < rank; d++)
        {
            long start = ShapeChecks.ReadInteger(ref indices, d);
            long limit = operand.Dim(d) - update.Dim(d);
            starts[d] = (int)(start < 0 ? 0 : start > limit ? limit : start);
        }
        DynamicUpdateSliceMath.WriteBox((byte*)update.Data, update.Shape, (byte*)output.Data, operand.Shape, starts, elementSize);
        return Status.Ok;
    }
}
