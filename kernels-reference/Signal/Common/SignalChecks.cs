using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>Prepare-time checks shared by the Signal ops, each reporting which tensor is wrong and why.</summary>
public static class SignalChecks
{
    /// <summary>The node has exactly the given numbers of inputs and outputs.</summary>
    public static Status Counts(KernelContext context, ref Node node, int inputs, int outputs)
    {
        if (node.InputCount == inputs && node.OutputCount == outputs) return Status.Ok;
        return context.Errors.Fail(Status.Error, "expects "u8).Append(inputs).Append(" inputs and "u8).Append(outputs)
            .Append(" outputs, got "u8).Append(node.InputCount).Append(" and "u8).Append(node.OutputCount);
    }

    /// <summary>The tensor exists, has <paramref name="type"/> and (unless <paramref name="rank"/> is -1) that rank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status Tensor(KernelContext context, TensorInfo tensor, TensorType type, int rank, ReadOnlySpan<byte> role) => TensorCore(context, tensor, type, rank, ErrorReporter.Text(role));

    private static Status TensorCore(KernelContext context, TensorInfo tensor, TensorType type, int rank, ReadOnlySpan<byte> role)
    {
        if (!tensor.Exists) return context.Errors.Fail(Status.Error, role).Append(" tensor is missing"u8);
        Status status = context.ExpectType(tensor, type, role);
        if (status != Status.Ok) return status;
        if (rank >= 0 && tensor.Rank != rank)
            return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has rank "u8)
                .Append(tensor.Rank).Append(", expected "u8).Append(rank);
        return Status.Ok;
    }

    /// <summary>The tensor holds exactly <paramref name="expected"/> elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status ElementCount(KernelContext context, TensorInfo tensor, int expected, ReadOnlySpan<byte> role) => ElementCountCore(context, tensor, expected, ErrorReporter.Text(role));

    private static Status ElementCountCore(KernelContext context, TensorInfo tensor, int expected, ReadOnlySpan<byte> role)
    {
        if (tensor.ElementCount == expected) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has "u8)
            .Append(tensor.ElementCount).Append(" elements, expected "u8).Append(expected);
    }

    /// <summary>An option value lies in [min, max].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status Range(KernelContext context, ReadOnlySpan<byte> option, long value, long min, long max) => RangeCore(context, ErrorReporter.Text(option), value, min, max);

    private static Status RangeCore(KernelContext context, ReadOnlySpan<byte> option, long value, long min, long max)
    {
        if (value >= min && value <= max) return Status.Ok;
        return context.Errors.Fail(Status.Error, "option '"u8).Append(option).Append("' = "u8).Append(value)
            .Append(" is outside "u8).Append(min).Append(".."u8).Append(max);
    }
}
