using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// MIRROR_PAD (float32, int8; int16, int32 and int64 too, which TFLM's kernel rejects): pads each dimension by
/// mirroring, REFLECT (edge not repeated) or SYMMETRIC (edge repeated), with paddings int32 or int64 [rank, 2]
/// (TFLM's mirror_pad.cc, same index mapping). Prepare checks constant paddings (each at most dim - 1 for REFLECT,
/// dim for SYMMETRIC, as TFLite requires) and the output shape; Invoke checks run-time ones.
/// </summary>
public sealed unsafe class MirrorPad : OpKernel
{
    public static readonly MirrorPad Kernel = new MirrorPad();

    private const uint SupportedTypes = (1u << (int)TensorType.Float32) | (1u << (int)TensorType.Int8) | (1u << (int)TensorType.Int16)
        | (1u << (int)TensorType.Int32) | (1u << (int)TensorType.Int64);

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo paddings = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, SupportedTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, paddings, "paddings"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        MirrorPadMode mode = new MirrorPadOptions(node.BuiltinOptions).Mode;
        if (mode != MirrorPadMode.REFLECT && mode != MirrorPadMode.SYMMETRIC)
            return errors.Fail(Status.Error, "unknown mirror pad mode "u8).Append((int)mode);
        int rank = input.Rank;
        if (rank < 1 || rank > ShapeChecks.MaxRank)
            return errors.Fail(Status.Error, "input tensor "u8).Append(input.Index).Append(" has rank "u8).Append(rank)
                .Append(", expected 1 to "u8).Append(ShapeChecks.MaxRank);
        int* paddingShape = stackalloc int[2];
        paddingShape[0] = rank;
        paddingShape[1] = 2;
        status = ShapeChecks.ExpectShape(errors, paddings, "paddings"u8, new System.ReadOnlySpan<int>(paddingShape, 2));
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, output, "output"u8, rank);
        if (status != Status.Ok) return status;
        if (!ShapeChecks.IsKnown(paddings)) return Status.Ok;
        return CheckPaddings(errors, input.Shape, paddings.Data, paddings.Type, mode == MirrorPadMode.REFLECT ? 1 : 0, output.Shape, output.Index);
    }

    /// <summary>
    /// Each padding in [0, dim − offset] (offset 1 for REFLECT, 0 for SYMMETRIC, as TFLite requires) and the output
    /// [dim + before + after ...]. In Prepare for constant paddings, in Invoke for run-time ones.
    /// </summary>
    private static Status CheckPaddings(ErrorReporter errors, System.ReadOnlySpan<int> input, void* paddings, TensorType type, int offset,
        System.ReadOnlySpan<int> output, int outputIndex)
    {
        long* expected = stackalloc long[ShapeChecks.MaxRank];
        for (int d = 0; d < input.Length; d++)
        {
            long before = ShapeChecks.ReadInteger(paddings, type, 2 * d);
            long after = ShapeChecks.ReadInteger(paddings, type, 2 * d + 1);
            long limit = input[d] - offset;
            if (before < 0 || after < 0 || before > limit || after > limit)
                return errors.Fail(Status.Error, "paddings "u8).Append(before).Append(", "u8).Append(after).Append(" of dimension "u8).Append(d)
                    .Append(" must lie in [0, "u8).Append(limit).Append(']');
            expected[d] = input[d] + before + after;
        }
        return ShapeChecks.ExpectShape(errors, outputIndex, output, "output"u8, new System.ReadOnlySpan<long>(expected, input.Length));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor paddings = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        int offset = new MirrorPadOptions(node.BuiltinOptions).Mode == MirrorPadMode.REFLECT ? 1 : 0;
        int rank = input.Rank;
        // The paddings may be a run-time input that Prepare could not check.
        Status status = CheckPaddings(context.Errors, input.Shape, paddings.Data, paddings.Type, offset, output.Shape, node.OutputIndex(0));
        if (status != Status.Ok) return status;
        int* before = stackalloc int[ShapeChecks.MaxRank];
        for (int d = 0; d < rank; d++) before[d] = (int)ShapeChecks.ReadInteger(ref paddings, 2 * d);
        switch (TensorTypes.ElementSize(input.Type))
        {
            case 1: MirrorPadMath.Pad(input.AsReadOnlySpan<byte>(), input.Shape, output.AsSpan<byte>(), output.Shape, before, offset); break;
            case 2: MirrorPadMath.Pad(input.AsReadOnlySpan<short>(), input.Shape, output.AsSpan<short>(), output.Shape, before, offset); break;
            case 4: MirrorPadMath.Pad(input.AsReadOnlySpan<int>(), input.Shape, output.AsSpan<int>(), output.Shape, before, offset); break;
            default: MirrorPadMath.Pad(input.AsReadOnlySpan<long>(), input.Shape, output.AsSpan<long>(), output.Shape, before, offset); break;
        }
        return Status.Ok;
    }
}
