using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// REVERSE_V2 (float32, int8, uint8, int16, int32, int64, bool): reverses the input along each listed axis (TFLM's
/// reverse.cc). Negative axes count from the end. TFLM rejects axes that are not contiguous; reversing along any
/// set of distinct axes is well defined, so this kernel supports it (same result wherever TFLM has one). A repeated
/// axis is an error, as it is for TFLM.
/// </summary>
public sealed unsafe class ReverseV2 : OpKernel
{
    public static readonly ReverseV2 Kernel = new ReverseV2();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        ErrorReporter errors = context.Errors;
        Status status = ShapeChecks.ExpectCounts(errors, ref node, 2, 1);
        if (status != Status.Ok) return status;
        TensorInfo input = context.GetInputInfo(ref node, 0);
        TensorInfo axes = context.GetInputInfo(ref node, 1);
        TensorInfo output = context.GetOutputInfo(ref node, 0);
        status = ShapeChecks.ExpectTypeIn(context, input, ShapeChecks.PlainTypes, "input"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectSameType(context, output, input, "output"u8, "input"u8);
        if (status != Status.Ok) return status;
        status = context.ExpectType(axes, TensorType.Int32, "axis"u8);
        if (status != Status.Ok) return status;
        status = ShapeChecks.ExpectRank(errors, axes, "axis"u8, 1);
        if (status != Status.Ok) return status;
        if (input.Rank > ShapeChecks.MaxRank || axes.Dim(0) > input.Rank)
            return errors.Fail(Status.Error, "axis tensor "u8).Append(axes.Index).Append(" lists "u8).Append(axes.Dim(0))
                .Append(" axes for input tensor "u8).Append(input.Index).Append(" of rank "u8).Append(input.Rank);
        status = ShapeChecks.ExpectShape(errors, output, "output"u8, input.Shape);
        if (status != Status.Ok) return status;
        if (ShapeChecks.IsKnown(axes))
        {
            return ReverseV2Math.ResolveAxes((int*)axes.Data, axes.Dim(0), input.Rank, out _, errors);
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor axes = ref context.GetInput(ref node, 1);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        // The axes may be a run-time input, so they are resolved here (as TFLM does in Eval).
        Status status = ReverseV2Math.ResolveAxes((int*)axes.Data, axes.Dim(0), input.Rank, out uint mask, context.Errors);
        if (status != Status.Ok) return status;
        switch (TensorTypes.ElementSize(input.Type))
        {
            case 1: ReverseV2Math.Reverse(input.AsReadOnlySpan<byte>(), output.AsSpan<byte>(), input.Shape, mask); break;
            case 2: ReverseV2Math.Reverse(input.AsReadOnlySpan<short>(), output.AsSpan<short>(), input.Shape, mask); break;
            case 4: ReverseV2Math.Reverse(input.AsReadOnlySpan<int>(), output.AsSpan<int>(), input.Shape, mask); break;
            default: ReverseV2Math.Reverse(input.AsReadOnlySpan<long>(), output.AsSpan<long>(), input.Shape, mask); break;
        }
        return Status.Ok;
    }
}
