using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// CALL_ONCE (TFLM's call_once.cc): no inputs or outputs; the first Invoke runs the init subgraph (typically to
/// assign resource variables), every later Invoke does nothing. Like TFLM it has no Reset hook: the interpreter's
/// Reset does not make the init subgraph run again (while it does refill the resource variables).
/// </summary>
public sealed unsafe class CallOnce : OpKernel
{
    public static readonly CallOnce Kernel = new CallOnce();

    public override Status Init(KernelContext context, ref Node node)
    {
        node.UserData = context.AllocatePersistentBuffer(sizeof(CallOnceOpData));
        return node.UserData == null ? context.Errors.LastStatus : Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        CallOnceOpData* data = (CallOnceOpData*)node.UserData;
        data->InitSubgraph = new CallOnceOptions(node.BuiltinOptions).InitSubgraphIndex;
        data->HasRun = 0;
        if (node.InputCount != 0 || node.OutputCount != 0)
            return context.Errors.Fail(Status.Error, "CALL_ONCE takes no inputs and no outputs, got "u8)
                .Append(node.InputCount).Append(" inputs and "u8).Append(node.OutputCount).Append(" outputs"u8);
        return SubgraphTensors.ExpectSubgraph(context, data->InitSubgraph, "init"u8);
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        CallOnceOpData* data = (CallOnceOpData*)node.UserData;
        if (data->HasRun != 0) return Status.Ok;
        Status status = context.InvokeSubgraph(data->InitSubgraph);
        if (status != Status.Ok) return status;
        data->HasRun = 1;
        return Status.Ok;
    }
}
