using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// BROADCAST_TO (any fixed-size type: float32, int8, int16, int32, int64, bool, uint8): repeats the input along
/// its size-1 (or missing leading) dimensions to the output shape, up to 5 dimensions (TFLM's broadcast_to.cc).
/// TFLM needs a static output shape: the output tensor's shape must equal the shape tensor's values when they are
/// known (a constant), and the input must broadcast to it.
/// </summary>
public sealed unsafe class BroadcastTo : OpKernel
{
    public static readonly BroadcastTo Kernel = new BroadcastTo();

    /// <summary>TFLM's limit for this op.</summary>
    public const int MaxDims = 5;

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo shape = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectIndexType(context, shape, "shape"u8, allowInt64: true);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, shape, "shape"u8, 1);
        if (status != Status.Ok) return status;
        if (output.Rank != shape.Dim(0))
            return errors.Fail(Status.Error, "output tensor "u8).Append(output.Index).Append(" has rank "u8).Append(output.Rank)
                .Append(" but shape tensor "u8).Append(shape.Index).Append(" has "u8).Append(shape.Dim(0)).Append(" values"u8);
        if (input.Rank > output.Rank || output.Rank > MaxDims)
        {
            ErrorReporter report = errors.Fail(Status.Error, "cannot broadcast input tensor "u8).Append(input.Index).Append(' ');
            ShapeChecks.AppendShape(report, input.Shape).Append(" to output tensor "u8).Append(output.Index).Append(' ');
            ShapeChecks.AppendShape(report, output.Shape).Append(" (at most "u8).Append(MaxDims).Append(" dimensions)"u8);
            return Status.Error;
        }
        if (ShapeChecks.IsKnown(shape))
        {
            int* values = stackalloc int[MaxDims];
            for (int i = 0; i < output.Rank; i++) values[i] = (int)ShapeChecks.ReadInteger(shape, i);
            status = ShapeChecks.ExpectShape(errors, output, "output"u8, new System.ReadOnlySpan<int>(values, output.Rank));
            if (status != Status.Ok) return status;
        }
        int extra = output.Rank - input.Rank;
        for (int d = 0; d < input.Rank; d++)
        {
            if (input.Dim(d) != 1 && input.Dim(d) != output.Dim(extra + d))
            {
                ErrorReporter report = errors.Fail(Status.Error, "cannot broadcast input tensor "u8).Append(input.Index).Append(' ');
                ShapeChecks.AppendShape(report, input.Shape).Append(" to output tensor "u8).Append(output.Index).Append(' ');
                ShapeChecks.AppendShape(report, output.Shape);
                return Status.Error;
            }
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        switch (TensorTypes.ElementSize(input.Type))
        {
            case 1: BroadcastToMath.Broadcast(input.AsReadOnlySpan<byte>(), input.Shape, output.AsSpan<byte>(), output.Shape); break;
            case 2: BroadcastToMath.Broadcast(input.AsReadOnlySpan<short>(), input.Shape, output.AsSpan<short>(), output.Shape); break;
            case 4: BroadcastToMath.Broadcast(input.AsReadOnlySpan<int>(), input.Shape, output.AsSpan<int>(), output.Shape); break;
            default: BroadcastToMath.Broadcast(input.AsReadOnlySpan<long>(), input.Shape, output.AsSpan<long>(), output.Shape); break;
        }
        return Status.Ok;
    }
}
