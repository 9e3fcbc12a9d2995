namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// GATHER_ND (params float32 and int8 as in TFLM, plus int16, int32, int64, bool, uint8; indices int32 or int64):
/// each innermost row of indices addresses an element or slice of params (TFLM's gather_nd.cc). Output shape =
/// indices.shape[:-1] + params.shape[indices.shape[-1]:], which the model's output must match. TFLM does not check
/// index values; here an index outside its dimension fails Invoke instead of reading out of bounds.
/// </summary>
public sealed unsafe class GatherNd : OpKernel
{
    public static readonly GatherNd Kernel = new GatherNd();

    /// <summary>TFLM's MAX_INDICES_ND.</summary>
    public const int MaxIndexDepth = 5;

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo indices = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "params"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "params"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, indices, "indices"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        if (input.Rank < 1 || indices.Rank < 1)
            return errors.Fail(Status.Error, "params tensor "u8).Append(input.Index).Append(" and indices tensor "u8).Append(indices.Index)
                .Append(" must both be at least vectors"u8);
        int depth = indices.Dim(indices.Rank - 1);
        if (depth > input.Rank || depth > MaxIndexDepth)
            return errors.Fail(Status.Error, "indices tensor "u8).Append(indices.Index).Append(" rows have "u8).Append(depth)
                .Append(" entries; at most params rank "u8).Append(input.Rank).Append(" and "u8).Append(MaxIndexDepth).Append(" are allowed"u8);
        int rank = indices.Rank - 1 + input.Rank - depth;
        if (rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "the output would have rank "u8).Append(rank).Append(", at most "u8).Append(ShapeChecks.MaxRank)
                .Append(" is supported"u8);
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        int e = 0;
        for (int i = 0; i < indices.Rank - 1; i++) expected[e++] = indices.Dim(i);
        for (int i = depth; i < input.Rank; i++) expected[e++] = input.Dim(i);
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, e));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor indices = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int depth = indices.Dim(indices.Rank - 1);
        int slices = ShapeChecks.Product(indices.Shape, 0, indices.Rank - 1);
        int elementSize = TensorTypes.ElementSize(input.Type);
        int sliceBytes = ShapeChecks.Product(input.Shape, depth, input.Rank) * elementSize;
        // Elements spanned by one step of each indexed dimension.
        int* step = stackalloc int[MaxIndexDepth];
        int remaining = input.ElementCount;
        for (int j = 0; j < depth; j++)
        {
            remaining = input.Dim(j) == 0 ? 0 : remaining / input.Dim(j);
            step[j] = remaining;
        }
        byte* source = (byte*)input.Data;
        byte* destination = (byte*)output.Data;
        for (int i = 0; i < slices; i++)
        {
            long from = 0;
            for (int j = 0; j < depth; j++)
            {
                long index = ShapeChecks.ReadInteger(ref indices, i * depth + j);
                if (index < 0 || index >= input.Dim(j))
                    return context.Errors.Fail(Status.Error, "index "u8).Append(index).Append(" is outside dimension "u8).Append(j)
                        .Append(" of size "u8).Append(input.Dim(j));
                from += index * step[j];
            }
            ShapeChecks.CopyBytes(source + from * elementSize, destination + (long)i * sliceBytes, sliceBytes);
        }
        return Status.Ok;
    }
}
