namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SLICE (float32, int8, int16, int32, bool): inputs (input, begin, size) with begin and size both int32 or both
/// int64 [rank], rank at most 5; size -1 means "to the end" (TFLM's slice.cc). begin/size may be run-time inputs, so
/// Invoke resolves and checks them as TFLM's Eval does (0 &lt;= begin &lt;= dim, 0 &lt;= size &lt;= dim - begin,
/// element count = output's); when they are constant Prepare already requires the output shape to be the
/// resolved sizes.
/// </summary>
public sealed unsafe class Slice : OpKernel
{
    public static readonly Slice Kernel = new Slice();

    /// <summary>TFLM's kMaxDim for SLICE.</summary>
    public const int MaxDims = 5;

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Bool);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 3, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo begin = context.GetInputInfo(ref node, 1);
        TensorInfo size = context.GetInputInfo(ref node, 2);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, begin, "begin"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, size, begin, "size"u8, "begin"u8);
        if (status != Status.Ok) return status;
        if (input.Rank > MaxDims)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(input.Rank)
                .Append(", at most "u8).Append(MaxDims).Append(" is supported"u8);
        int* vectorShape = stackalloc int[1];
        vectorShape[0] = input.Rank;
        status = ShapeChecks.ExpectShape(errors, begin, "begin"u8, new System.ReadOnlySpan<int>(vectorShape, 1));
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectShape(errors, size, "size"u8, new System.ReadOnlySpan<int>(vectorShape, 1));
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(begin) || !ShapeChecks.IsKnown(size)) return Status.Ok;
        int* starts = stackalloc int[MaxDims];
        int* sizes = stackalloc int[MaxDims];
        status = SliceMath.Resolve(begin.Data, size.Data, begin.Type, input.Shape, starts, sizes, errors);
        if (status != Status.Ok) return status;
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(sizes, input.Rank));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor begin = ref context.GetInput(ref node, 1);
        ref EvalTensor size = ref context.GetInput(ref node, 2);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int rank = input.Rank;
        int* starts = stackalloc int[MaxDims];
        int* sizes = stackalloc int[MaxDims];
        Status status = SliceMath.Resolve(begin.Data, size.Data, begin.Type, input.Shape, starts, sizes, context.Errors);
        if (status != Status.Ok) return status;
        int count = 1;
        for (int d = 0; d < rank; d++) count *= sizes[d];
        if (count != output.ElementCount)
            return context.Errors.Fail(Status.Error, "the slice has "u8).Append(count).Append(" elements, the output "u8)
                .Append(output.ElementCount);
        SliceMath.CopyBox((byte*)input.Data, input.Shape, starts, sizes, (byte*)output.Data, TensorTypes.ElementSize(input.Type));
        return Status.Ok;
    }
}
