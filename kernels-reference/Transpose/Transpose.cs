using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>TRANSPOSE (any 1-, 2-, 4- or 8-byte element type: int8, int16, int32, float32, int64, bool...), up to 6D.</summary>
public sealed unsafe class Transpose : OpKernel
{
    public static readonly Transpose Kernel = new Transpose();

    public override Status Init(KernelContext context, ref Node node) => TransposeCommon.Init(context, ref node);

    public override Status Prepare(KernelContext context, ref Node node) => TransposeCommon.Prepare(context, ref node);

    public override Status Invoke(KernelContext context, ref Node node)
    {
        TransposeOpData* data = (TransposeOpData*)node.UserData;
        ref EvalTensor input = ref context.GetInput(ref node, TransposeCommon.InputTensor);
        ref EvalTensor output = ref context.GetOutput(ref node, TransposeCommon.OutputTensor);
        ReadOnlySpan<int> permutation = new ReadOnlySpan<int>(data->Permutation, data->Rank);
        if (!data->PermutationIsConstant)
        {
            // A run-time permutation can only be checked now; a bad one would read outside the input.
            permutation = new ReadOnlySpan<int>(context.GetInput(ref node, TransposeCommon.PermutationTensor).Data, data->Rank);
            if (!TransposeMath.IsPermutation(permutation))
                return context.Errors.Fail(Status.Error, "the permutation input is not a permutation of the input dimensions"u8);
        }
        switch (TensorTypes.ElementSize(input.Type))
        {
            case 1:
                TransposeMath.Transpose(input.AsReadOnlySpan<byte>(), input.Shape, permutation, output.AsSpan<byte>());
                return Status.Ok;
            case 2:
                TransposeMath.Transpose(input.AsReadOnlySpan<short>(), input.Shape, permutation, output.AsSpan<short>());
                return Status.Ok;
            case 4:
                TransposeMath.Transpose(input.AsReadOnlySpan<int>(), input.Shape, permutation, output.AsSpan<int>());
                return Status.Ok;
            case 8:
                TransposeMath.Transpose(input.AsReadOnlySpan<long>(), input.Shape, permutation, output.AsSpan<long>());
                return Status.Ok;
            default:
                return context.Errors.Fail(Status.Error, "unsupported input type "u8).Append(TensorTypes.Name(input.Type));
        }
    }
}
