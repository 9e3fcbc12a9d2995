using System;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>Prepare-time checks shared by the resource variable kernels.</summary>
public static class ResourceVariableChecks
{
    /// <summary>The interpreter's resource variables, or null after reporting that the budget is 0.</summary>
    public static ResourceVariables? Require(KernelContext context, ReadOnlySpan<byte> op)
    {
        ResourceVariables? variables = context.ResourceVariables;
        if (variables == null)
        {
            context.Errors.Fail(Status.Error, op).Append(" needs resource variables, but the interpreter has none "u8)
                .Append("(InterpreterOptions.ResourceVariableCapacity is 0)"u8);
        }
        return variables;
    }

    /// <summary>Checks the resource-id input: a one-element RESOURCE (or INT32) tensor.</summary>
    public static Status ExpectResourceId(KernelContext context, TensorInfo resource)
    {
        if (resource.Type != TensorType.Resource && resource.Type != TensorType.Int32)
            return context.Errors.Fail(Status.Error, "resource id tensor "u8).Append(resource.Index).Append(" has type "u8)
                .Append(TensorTypes.Name(resource.Type)).Append(", expected RESOURCE or INT32"u8);
        if (resource.ElementCount != 1)
            return context.Errors.Fail(Status.Error, "resource id tensor "u8).Append(resource.Index).Append(" has "u8)
                .Append(resource.ElementCount).Append(" elements, expected 1"u8);
        return Status.Ok;
    }

    public static Status ExpectCounts(KernelContext context, ref Node node, int inputs, int outputs)
    {
        if (node.InputCount == inputs && node.OutputCount == outputs) return Status.Ok;
        return context.Errors.Fail(Status.Error, "expected "u8).Append(inputs).Append(" inputs and "u8).Append(outputs)
            .Append(" outputs, got "u8).Append(node.InputCount).Append(" and "u8).Append(node.OutputCount);
    }
}
