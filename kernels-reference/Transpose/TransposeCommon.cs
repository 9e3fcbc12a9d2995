using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// TRANSPOSE Init and Prepare (TFLM's transpose.cc): input up to 6D, an int32 permutation with one entry per
/// dimension, output shape = input shape permuted.
/// </summary>
public static unsafe class TransposeCommon
{
    public const int InputTensor = 0;
    public const int PermutationTensor = 1;
    public const int OutputTensor = 0;

    public static Status Init(KernelContext context, ref Node node)
    {
        void* data = context.AllocatePersistentBuffer(sizeof(TransposeOpData));
        if (data == null) return context.Errors.LastStatus;
        *(TransposeOpData*)data = default;
        node.UserData = data;
        return Status.Ok;
    }

    public static Status Prepare(KernelContext context, ref Node node)
    {
        TransposeOpData* data = (TransposeOpData*)node.UserData;
        ErrorReporter errors = context.Errors;
        if (node.InputCount != 2 || node.OutputCount != 1)
            return errors.Fail(Status.Error, "expects 2 inputs and 1 output, got "u8).Append(node.InputCount)
                .Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        TensorInfo input = context.GetInputInfo(ref node, InputTensor);
        TensorInfo permutation = context.GetInputInfo(ref node, PermutationTensor);
        TensorInfo output = context.GetOutputInfo(ref node, OutputTensor);
        int elementSize = TensorTypes.ElementSize(input.Type);
        if (elementSize != 1 && elementSize != 2 && elementSize != 4 && elementSize != 8)
            return context.UnsupportedType(input, "input"u8);
        Status status = context.ExpectType(output, input.Type, "output"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(permutation, TensorType.Int32, "permutation"u8);
        if (status != Status.Ok) return status;
        int rank = input.Rank;
        if (rank > TransposeOpData.MaxDimensions)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has "u8).Append(rank)
                .Append(" dimensions, at most 6 are supported"u8);
        if (permutation.ElementCount != rank)
            return errors.Fail(Status.Error, "permutation tensor "u8).Append(permutation.Index).Append(" has "u8)
                .Append(permutation.ElementCount).Append(" entries for a rank-"u8).Append(rank).Append(" input"u8);
        if (output.Rank != rank)
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has rank "u8).Append(output.Rank)
                .Append(", expected "u8).Append(rank);
        data->Rank = rank;
        data->PermutationIsConstant = permutation.IsConstant && permutation.Data != null;
        if (!data->PermutationIsConstant) return Status.Ok;

        ReadOnlySpan<int> perm = new ReadOnlySpan<int>(permutation.Data, rank);
        if (!TransposeMath.IsPermutation(perm))
            return errors.Fail(Status.Error, "permutation tensor "u8).Append(permutation.Index).Append(" is not a permutation of 0.."u8)
                .Append(rank - 1);
        for (int i = 0; i < rank; i++)
        {
            data->Permutation[i] = perm[i];
            if (output.Dim(i) != input.Dim(perm[i]))
                return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" dimension "u8).Append(i)
                    .Append(" is "u8).Append(output.Dim(i)).Append(", expected "u8).Append(input.Dim(perm[i]));
        }
        return Status.Ok;
    }
}
