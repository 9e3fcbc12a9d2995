using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// UNPACK (float32, int8, int16, int32): splits the input along <c>axis</c> into <c>num</c> outputs, each the input
/// without that dimension (TFLM's unpack.cc). Prepare checks what TFLM only asserts: the output count equals the
/// input's size along the axis and every output has the input's type and the reduced shape.
/// </summary>
public sealed unsafe class Unpack : OpKernel
{
    public static readonly Unpack Kernel = new Unpack();

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8)
        | (1u << (int)TensorType.Int16) | (1u << (int)TensorType.Int32);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 1 || node.OutputCount < 1)
            return errors.Fail(Status.Error, "expects 1 input and at least 1 output, got "u8).Append(node.InputCount)
                .Append(" and "u8).Append(node.OutputCount);
        UnpackOptions options = new UnpackOptions(node.BuiltinOptions);
        TensorInfo input = context.GetInputInfo(ref node, 0);
        Status status = ShapeChecks.ExpectTypeIn(context, input, SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        int rank = input.Rank;
        if (rank < 1 || rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(rank)
                .Append(", expected 1 to "u8).Append(ShapeChecks.MaxRank);
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        if (axis < 0 || axis >= rank)
            return errors.Fail(Status.Error, "axis "u8).Append(options.Axis).Append(" is outside the input's "u8).Append(rank)
                .Append(" dimensions"u8);
        if (options.Num != node.OutputCount || input.Dim(axis) != node.OutputCount)
            return errors.Fail(Status.Error, "num is "u8).Append(options.Num).Append(" with "u8).Append(node.OutputCount)
                .Append(" outputs, but input tensor "u8).Append(input.Index).Append(" has "u8).Append(input.Dim(axis))
                .Append(" along axis "u8).Append(axis);

        int* expected = stackalloc int[ShapeChecks.MaxRank];
        int e = 0;
        for (int d = 0; d < rank; d++)
        {
            if (d != axis) expected[e++] = input.Dim(d);
        }
        for (int i = 0; i < node.OutputCount; i++)
        {
            TensorInfo output = context.GetOutputInfo(ref node, i);
            status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
            if (status != Status.Ok) return status;
            status = ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, e));
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        UnpackOptions options = new UnpackOptions(node.BuiltinOptions);
        int rank = input.Rank;
        int axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        int count = node.OutputCount;
        int elementSize = TensorTypes.ElementSize(input.Type);
        int outer = ShapeChecks.Product(input.Shape, 0, axis);
        int copyBytes = ShapeChecks.Product(input.Shape, axis + 1, rank) * elementSize;
        byte* source = (byte*)input.Data;
        for (int i = 0; i < count; i++)
        {
            byte* destination = (byte*)context.GetOutput(ref node, i).Data;
            for (int k = 0; k < outer; k++)
            {
                ShapeChecks.CopyBytes(source + ((long)k * count + i) * copyBytes, destination + (long)k * copyBytes, copyBytes);
            }
        }
        return Status.Ok;
    }
}
