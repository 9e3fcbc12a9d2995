using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// VAR_HANDLE (TFLM's var_handle.cc): finds or creates the resource variable named by its options (container,
/// shared_name) and makes its one-element output tensor point at the variable's id, kept in the node's data — so
/// the output needs no planned memory and is valid from Prepare on (ASSIGN_VARIABLE's Prepare reads it).
/// </summary>
public sealed unsafe class VarHandle : OpKernel
{
    public static readonly VarHandle Kernel = new VarHandle();

    public override Status Init(KernelContext context, ref Node node)
    {
        node.UserData = context.AllocatePersistentBuffer(sizeof(VarHandleOpData));
        return node.UserData == null ? context.Errors.LastStatus : Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ResourceVariableChecks.ExpectCounts(context, ref node, 0, 1);
        if (status != Status.Ok) return status;
        status = ResourceVariableChecks.ExpectResourceId(context, context.GetOutputInfo(ref node, 0));
        if (status != Status.Ok) return status;
        ResourceVariables? variables = ResourceVariableChecks.Require(context, "VAR_HANDLE"u8);
        if (variables == null) return Status.Error;

        VarHandleOptions options = new VarHandleOptions(node.BuiltinOptions);
        VarHandleOpData* data = (VarHandleOpData*)node.UserData;
        data->ResourceId = variables.CreateIdIfNoneFound(options.Container, options.SharedName);
        if (data->ResourceId < 0) return context.Errors.LastStatus;
        context.GetOutput(ref node, 0).Data = &data->ResourceId;
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        // Set again: nothing else may write the pointer, but TFLM re-asserts it on every run as well.
        context.GetOutput(ref node, 0).Data = &((VarHandleOpData*)node.UserData)->ResourceId;
        return Status.Ok;
    }
}
