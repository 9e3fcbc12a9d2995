namespace TfLiteMicro.Kernels.Reference;

/// <summary>Prepare-time checks shared by the Signal ops, each reporting which tensor is wrong and why.</summary>
public static class SignalChecks
{
    /// <summary>The node has exactly the given numbers of inputs and outputs.</summary>
    public static Status Counts(KernelContext context, ref Node node, int inputs, int outputs)
    {
        if (node.InputCount == inputs && node.OutputCount == outputs) return Status.Ok;
        return context.Errors.Fail(Status.Error, "expects ").Append(inputs).Append(" inputs and ").Append(outputs)
            .Append(" outputs, got ").Append(node.InputCount).Append(" and ").Append(node.OutputCount);
    }

    /// <summary>The tensor exists, has <paramref name="type"/> and (unless <paramref name="rank"/> is -1) that rank.</summary>
    public static Status Tensor(KernelContext context, TensorInfo tensor, TensorType type, int rank, string role)
    {
        if (!tensor.Exists) return context.Errors.Fail(Status.Error, role).Append(" tensor is missing");
        Status status = context.ExpectType(tensor, type, role);
        if (status != Status.Ok) return status;
        if (rank >= 0 && tensor.Rank != rank)
            return context.Errors.Fail(Status.Error, role).Append(" tensor ").Append(tensor.Index).Append(" has rank ")
                .Append(tensor.Rank).Append(", expected ").Append(rank);
        return Status.Ok;
    }

    /// <summary>The tensor holds exactly <paramref name="expected"/> elements.</summary>
    public static Status ElementCount(KernelContext context, TensorInfo tensor, int expected, string role)
    {
        if (tensor.ElementCount == expected) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" tensor ").Append(tensor.Index).Append(" has ")
            .Append(tensor.ElementCount).Append(" elements, expected ").Append(expected);
    }

    /// <summary>An option value lies in [min, max].</summary>
    public static Status Range(KernelContext context, string option, long value, long min, long max)
    {
        if (value >= min && value <= max) return Status.Ok;
        return context.Errors.Fail(Status.Error, "option '").Append(option).Append("' = ").Append(value)
            .Append(" is outside ").Append(min).Append("..").Append(max);
    }
}
