namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// ASSIGN_VARIABLE (TFLM's assign_variable.cc): input 0 is a resource id (from VAR_HANDLE), input 1 the value of
/// any type (LUT-compressed values are decompressed first). Prepare gives the variable its buffer (the value's size, filled with the value's int8 zero point or 0)
/// when the id is already known — a VAR_HANDLE of another subgraph prepares later, and then a later ASSIGN's
/// Prepare allocates; Invoke copies the value in.
/// </summary>
public sealed unsafe class AssignVariable : OpKernel
{
    public static readonly AssignVariable Kernel = new AssignVariable();

    public override Status Prepare(KernelContext context, ref Node node)
    {
        Status status = ResourceVariableChecks.ExpectCounts(context, ref node, 2, 0);
        if (status != Status.Ok) return status;
        status = ResourceVariableChecks.ExpectResourceId(context, context.GetInputInfo(ref node, 0));
        if (status != Status.Ok) return status;
        ResourceVariables? variables = ResourceVariableChecks.Require(context, "ASSIGN_VARIABLE"u8);
        if (variables == null) return Status.Error;

        // A LUT-compressed value is decompressed into a scratch buffer at Invoke (TFLM does the same); the scratch
        // index is kept only then.
        if (context.IsCompressed(node.InputIndex(1)))
        {
            int* scratchIndex = (int*)context.AllocatePersistentBuffer(sizeof(int));
            if (scratchIndex == null) return context.Errors.LastStatus;
            status = context.RequestDecompressionScratch(ref node, 1, out *scratchIndex);
            if (status != Status.Ok) return status;
            node.UserData = scratchIndex;
        }

        // The id lives behind the VAR_HANDLE output's data pointer, set by that node's Prepare.
        ref EvalTensor resource = ref context.GetInput(ref node, 0);
        if (resource.Data == null) return Status.Ok;
        return variables.Allocate(*(int*)resource.Data, context, context.GetInputInfo(ref node, 1));
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor resource = ref context.GetInput(ref node, 0);
        EvalTensor value = context.GetDecompressedInput(ref node, 1, node.UserData == null ? -1 : *(int*)node.UserData);
        // Prepare checked that the interpreter has resource variables.
        return context.ResourceVariables!.Assign(*(int*)resource.Data, value.Data, value.ByteCount);
    }
}
