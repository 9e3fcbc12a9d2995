using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// PACK (float32, int8, int32, int64): stacks <c>values_count</c> inputs of one shape along a new dimension
/// <c>axis</c> of the output (TFLM's pack.cc). Prepare checks the input count, that all inputs share the output's
/// type and one shape, and that the output is that shape with the count inserted at the axis.
/// </summary>
public sealed unsafe class Pack : OpKernel
{
    public static readonly Pack Kernel = new Pack();

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Int64);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount < 1 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects at least 1 input and 1 output, got "u8).Append(node.InputCount)
                .Append(" and "u8).Append(node.OutputCount);
        PackOptions options = new PackOptions(node.BuiltinOptions);
        if (options.ValuesCount != node.InputCount)
            return errors.Fail(Status.Error, "values_count is "u8).Append(options.ValuesCount).Append(" but the node has "u8)
                .Append(node.InputCount).Append(" inputs"u8);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        Status status = ShapeChecks.ExpectTypeIn(context, output, SupportedTypes, "output"u8);
        if (status != Status.Ok) return status;
        TensorInfo first = context.GetInputInfo(ref node, 0);
        int rank = first.Rank + 1;
        if (rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(first.Index).Append(" has rank "u8).Append(first.Rank)
                .Append(", at most "u8).Append(ShapeChecks.MaxRank - 1).Append(" is supported"u8);
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (axis < 0 || axis >= rank)
            return errors.Fail(Status.Error, "axis "u8).Append(options.Axis).Append(" is outside the output's "u8).Append(rank)
                .Append(" dimensions"u8);
        for (int i = 0; i < node.InputCount; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            status = ShapeChecks.ExpectSameType(context, input, output, "input"u8, "output"u8);
            if (status != Status.Ok) return status;
            status = ShapeChecks.ExpectShape(errors, input, "input"u8, first.Shape);
            if (status != Status.Ok) return status;
        }
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        for (int d = 0, s = 0; d < rank; d++)
        {
            expected[d] = d == axis ? node.InputCount : first.Dim(s++);
        }
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, rank));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        PackOptions options = new PackOptions(node.BuiltinOptions);
        int rank = output.Rank;
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        int count = node.InputCount;
        int elementSize = TensorTypes.ElementSize(output.Type);
        int outer = ShapeChecks.Product(output.Shape, 0, axis);
        int copyBytes = ShapeChecks.Product(output.Shape, axis + 1, rank) * elementSize;
        byte* destination = (byte*)output.Data;
        for (int i = 0; i < count; i++)
        {
            byte* source = (byte*)context.GetInput(ref node, i).Data;
            for (int k = 0; k < outer; k++)
            {
                ShapeChecks.CopyBytes(source + (long)k * copyBytes, destination + ((long)k * count + i) * copyBytes, copyBytes);
            }
        }
        return Status.Ok;
    }
}
