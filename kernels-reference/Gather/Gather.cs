using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// GATHER (params float32 and int8 as in TFLM, plus int16, int32, int64, bool, uint8; positions int32 or int64):
/// picks slices of params along <c>axis</c> at the given positions, with optional <c>batch_dims</c> (TFLM's
/// gather.cc). Output shape = params[:axis] + positions[batch_dims:] + params[axis+1:]; the model's output shape must
/// be exactly that. A position outside [0, params.dim(axis)) fails Invoke, as in TFLM.
/// </summary>
public sealed unsafe class Gather : OpKernel
{
    public static readonly Gather Kernel = new Gather();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo positions = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "params"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "params"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, positions, "positions"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        GatherOptions options = new GatherOptions(node.BuiltinOptions);
        if (!Resolve(options, input.Rank, positions.Rank, out int axis, out int batchDims))
            return errors.Fail(Status.Error, "axis "u8).Append(options.Axis).Append(" and batch_dims "u8).Append(options.BatchDims)
                .Append(" are invalid for params tensor "u8).Append(input.Index).Append(" of rank "u8).Append(input.Rank)
                .Append(" and positions tensor "u8).Append(positions.Index).Append(" of rank "u8).Append(positions.Rank);
        for (int i = 0; i < batchDims; i++)
        {
            if (input.Dim(i) != positions.Dim(i))
                return errors.Fail(Status.Error, "batch dimension "u8).Append(i).Append(" differs: params tensor "u8).Append(input.Index)
                    .Append(" has "u8).Append(input.Dim(i)).Append(", positions tensor "u8).Append(positions.Index).Append(" has "u8)
                    .Append(positions.Dim(i));
        }
        int rank = input.Rank + positions.Rank - 1 - batchDims;
        if (rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "the output would have rank "u8).Append(rank).Append(", at most "u8).Append(ShapeChecks.MaxRank)
                .Append(" is supported"u8);
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        int e = 0;
        for (int i = 0; i < axis; i++) expected[e++] = input.Dim(i);
        for (int i = batchDims; i < positions.Rank; i++) expected[e++] = positions.Dim(i);
        for (int i = axis + 1; i < input.Rank; i++) expected[e++] = input.Dim(i);
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, e));
    }

    /// <summary>Normalizes axis and batch_dims (negative values count from the end) and checks TFLM's constraints.</summary>
    public static bool Resolve(GatherOptions options, int inputRank, int positionsRank, out int axis, out int batchDims)
    {
        axis = options.Axis < 0 ? options.Axis + inputRank : options.Axis;
        batchDims = options.BatchDims < 0 ? options.BatchDims + positionsRank : options.BatchDims;
        return axis >= 0 && axis < inputRank && batchDims >= 0 && batchDims <= axis && batchDims < inputRank
            && batchDims <= positionsRank;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor positions = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        Resolve(new GatherOptions(node.BuiltinOptions), input.Rank, positions.Rank, out int axis, out int batchDims);
        int elementSize = TensorTypes.ElementSize(input.Type);
        int batches = ShapeChecks.Product(input.Shape, 0, batchDims);
        int outer = ShapeChecks.Product(input.Shape, batchDims, axis);
        int innerBytes = ShapeChecks.Product(input.Shape, axis + 1, input.Rank) * elementSize;
        int coordCount = ShapeChecks.Product(positions.Shape, batchDims, positions.Rank);
        int axisSize = input.Dim(axis);
        byte* source = (byte*)input.Data;
        byte* destination = (byte*)output.Data;
        for (int b = 0; b < batches; b++)
        {
            for (int o = 0; o < outer; o++)
            {
                for (int c = 0; c < coordCount; c++)
                {
                    long position = ShapeChecks.ReadInteger(ref positions, b * coordCount + c);
                    if (position < 0 || position >= axisSize)
                        return context.Errors.Fail(Status.Error, "position "u8).Append(position).Append(" is outside [0, "u8)
                            .Append(axisSize).Append(')');
                    long row = (long)b * outer + o;
                    ShapeChecks.CopyBytes(source + (row * axisSize + position) * innerBytes,
                        destination + (row * coordCount + c) * innerBytes, innerBytes);
                }
            }
        }
        return Status.Ok;
    }
}
