namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// READ_VARIABLE (TFLM's read_variable.cc): copies the resource variable whose id is input 0 into output 0, which
/// must have the variable's byte size (checked at Invoke: the variable may be allocated by a later node's Prepare).
/// </summary>
public sealed unsafe class ReadVariable : OpKernel
{
    public static readonly ReadVariable Kernel = new ReadVariable();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ResourceVariableChecks.ExpectCounts(context, ref node, 1, 1);
        if (status != Status.Ok) return status;
        status = ResourceVariableChecks.ExpectResourceId(context, context.GetInputInfo(ref node, 0));
        if (status != Status.Ok) return status;
        return ResourceVariableChecks.Require(context, "READ_VARIABLE"u8) == null ? Status.Error : Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor resource = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        return context.ResourceVariables!.Read(*(int*)resource.Data, output.Data, output.ByteCount);
    }
}
