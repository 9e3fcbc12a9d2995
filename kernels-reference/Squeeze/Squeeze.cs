using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// SQUEEZE (any fixed-size type): drops size-1 dimensions, either those listed in <c>squeeze_dims</c> (negative
/// values count from the end; each must have size 1) or, when the list is empty, all of them (TFLM's
/// squeeze.cc). The data is copied unchanged. Prepare requires the output shape to be exactly the squeezed shape
/// (TFLM only checks it is no smaller).
/// </summary>
public sealed unsafe class Squeeze : OpKernel
{
    public static readonly Squeeze Kernel = new Squeeze();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 1, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        int rank = input.Rank;
        if (rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(rank)
                .Append(", at most "u8).Append(ShapeChecks.MaxRank).Append(" is supported"u8);
        IntVector dims = new SqueezeOptions(node.BuiltinOptions).SqueezeDims;
        uint squeezed = 0;
        if (dims.Count == 0)
        {
            for (int d = 0; d < rank; d++)
            {
                if (input.Dim(d) == 1) squeezed |= 1u << d;
            }
        }
        else
        {
            for (int i = 0; i < dims.Count; i++)
            {
                int d = dims[i] < 0 ? dims[i] + rank : dims[i];
                if (d < 0 || d >= rank || input.Dim(d) != 1)
                {
                    ErrorReporter report = errors.Fail(Status.Error, "squeeze_dims value "u8).Append(dims[i])
                        .Append(" does not name a size-1 dimension of input tensor "u8).Append(input.Index).Append(' ');
                    ShapeChecks.AppendShape(report, input.Shape);
                    return Status.Error;
                }
                squeezed |= 1u << d;
            }
        }
        int* expected = stackalloc int[ShapeChecks.MaxRank];
        int e = 0;
        for (int d = 0; d < rank; d++)
        {
            if ((squeezed & (1u << d)) == 0) expected[e++] = input.Dim(d);
        }
        return ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(expected, e));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        ShapeChecks.CopyBytes(input.Data, output.Data, input.ByteCount);
        return Status.Ok;
    }
}
