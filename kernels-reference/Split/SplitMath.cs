namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// The copy shared by SPLIT and SPLIT_V (TFLM's SplitImpl): for each index of the dimensions before the axis, the
/// input's slab is cut into consecutive pieces, one per output, each output's piece being its size along the axis
/// times the size of the dimensions after it.
/// </summary>
public static unsafe class SplitMath
{
    public static void Split(KernelContext context, ref Node node, ref EvalTensor input, int axis)
    {
        int rank = input.Rank;
        int elementSize = TensorTypes.ElementSize(input.Type);
        int outer = ShapeChecks.Product(input.Shape, 0, axis);
        int innerBytes = ShapeChecks.Product(input.Shape, axis + 1, rank) * elementSize;
        byte* source = (byte*)input.Data;
        int outputCount = node.OutputCount;
        for (int k = 0; k < outer; k++)
        {
            for (int i = 0; i < outputCount; i++)
            {
                ref EvalTensor output = ref context.GetOutput(ref node, i);
                int pieceBytes = output.Dim(axis) * innerBytes;
                ShapeChecks.CopyBytes(source, (byte*)output.Data + (long)k * pieceBytes, pieceBytes);
                source += pieceBytes;
            }
        }
    }

    /// <summary>
    /// Checks every output: the input's type and shape except along <paramref name="axis"/>, where the outputs'
    /// sizes must add up to the input's.
    /// </summary>
    public static Status CheckOutputs(KernelContext context, ref Node node, TensorInfo input, int axis)
    {
        ErrorReporter errors = context.Errors;
        int total = 0;
        for (int i = 0; i < node.OutputCount; i++)
        {
            TensorInfo output = context.GetOutputInfo(ref node, i);
            Status status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
            if (status != Status.Ok) return status;
            bool matches = output.Rank == input.Rank;
            for (int d = 0; matches && d < input.Rank; d++)
            {
                if (d != axis && output.Dim(d) != input.Dim(d)) matches = false;
            }
            if (!matches)
            {
                ErrorReporter report = errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has shape "u8);
                ShapeChecks.AppendShape(report, output.Shape).Append(", which does not match input tensor "u8).Append(input.Index)
                    .Append(' ');
                ShapeChecks.AppendShape(report, input.Shape).Append(" outside axis "u8).Append(axis);
                return Status.Error;
            }
            total += output.Dim(axis);
        }
        if (total != input.Dim(axis))
            return errors.Fail(Status.Error, "outputs add up to "u8).Append(total).Append(" along axis "u8).Append(axis)
                .Append(", input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.Dim(axis));
        return Status.Ok;
    }

    /// <summary>Reads the constant one-element axis tensor and makes it non-negative; fails outside the rank.</summary>
    public static Status ResolveConstantAxis(KernelContext context, TensorInfo axisTensor, TensorInfo input, out int axis)
    {
        axis = 0;
        ErrorReporter errors = context.Errors;
        Status status = context.ExpectType(axisTensor, TensorType.Int32, "axis"u8);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(axisTensor))
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axisTensor.Index)
                .Append(" is not constant; output shapes must be known when the model is prepared"u8);
        if (axisTensor.ElementCount != 1)
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axisTensor.Index).Append(" has "u8).Append(axisTensor.ElementCount)
                .Append(" elements, expected 1"u8);
        int value = *(int*)axisTensor.Data;
        axis = value < 0 ? value + input.Rank : value;
        if (axis < 0 || axis >= input.Rank)
            return errors.Fail(Status.Error, "axis "u8).Append(value).Append(" is outside the "u8).Append(input.Rank)
                .Append(" dimensions of input tensor "u8).Append(input.Index);
        return Status.Ok;
    }

    /// <summary>The resolved axis at Invoke (Prepare has checked the constant).</summary>
    public static int ReadAxis(ref EvalTensor axisTensor, int rank)
    {
        int value = *(int*)axisTensor.Data;
        return value < 0 ? value + rank : value;
    }

    public const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8)
        | (1u << (int)TensorType.Int16) | (1u << (int)TensorType.Int32);
}
