using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// WHILE (TFLM's while.cc): the node's outputs carry the loop state. The inputs go to the condition subgraph and
/// to the outputs; while the condition's first output (a one-element BOOL) is true, the outputs go through the body
/// subgraph and back, and the condition runs again on them. Any tensor type; every input, output, condition input,
/// body input and body output of one position must have the same type and byte size (checked in Prepare).
/// </summary>
public sealed unsafe class While : OpKernel
{
    public static readonly While Kernel = new While();

    public override Status Init(KernelContext context, ref Node node)
    {
        node.UserData = context.AllocatePersistentBuffer(sizeof(WhileOpData));
        return node.UserData == null ? context.Errors.LastStatus : Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        WhileOpData* data = (WhileOpData*)node.UserData;
        WhileOptions options = new WhileOptions(node.BuiltinOptions);
        data->CondSubgraph = options.CondSubgraphIndex;
        data->BodySubgraph = options.BodySubgraphIndex;
        int cond = data->CondSubgraph;
        int body = data->BodySubgraph;

        Status status = SubgraphTensors.ExpectSubgraph(context, cond, "condition"u8);
        if (status != Status.Ok) return status;
        status = SubgraphTensors.ExpectSubgraph(context, body, "body"u8);
        if (status != Status.Ok) return status;
        int count = node.InputCount;
        if (node.OutputCount != count)
            return context.Errors.Fail(Status.Error, "WHILE has "u8).Append(count).Append(" inputs but "u8)
                .Append(node.OutputCount).Append(" outputs; they must match"u8);
        status = SubgraphTensors.ExpectSignature(context, body, "body"u8, count, count);
        if (status != Status.Ok) return status;
        if (context.SubgraphInputCount(cond) != count || context.SubgraphOutputCount(cond) < 1)
            return context.Errors.Fail(Status.Error, "condition subgraph "u8).Append(cond).Append(" has "u8)
                .Append(context.SubgraphInputCount(cond)).Append(" inputs and "u8).Append(context.SubgraphOutputCount(cond))
                .Append(" outputs, expected "u8).Append(count).Append(" inputs and a BOOL output"u8);
        TensorInfo condition = context.GetSubgraphOutputInfo(cond, 0);
        status = context.ExpectType(condition, TensorType.Bool, "condition subgraph output"u8);
        if (status != Status.Ok) return status;
        if (condition.ElementCount != 1)
            return context.Errors.Fail(Status.Error, "condition subgraph output tensor "u8).Append(condition.Index)
                .Append(" has "u8).Append(condition.ElementCount).Append(" elements, expected 1"u8);

        for (int i = 0; i < count; i++)
        {
            TensorInfo input = context.GetInputInfo(ref node, i);
            TensorInfo output = context.GetOutputInfo(ref node, i);
            status = SubgraphTensors.ExpectCopyable(context, input, "node input"u8, output, "node output"u8);
            if (status != Status.Ok) return status;
            status = SubgraphTensors.ExpectCopyable(context, output, "node output"u8, context.GetSubgraphInputInfo(cond, i), "condition input"u8);
            if (status != Status.Ok) return status;
            status = SubgraphTensors.ExpectCopyable(context, output, "node output"u8, context.GetSubgraphInputInfo(body, i), "body input"u8);
            if (status != Status.Ok) return status;
            status = SubgraphTensors.ExpectCopyable(context, context.GetSubgraphOutputInfo(body, i), "body output"u8, output, "node output"u8);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        WhileOpData* data = (WhileOpData*)node.UserData;
        int cond = data->CondSubgraph;
        int body = data->BodySubgraph;

        SubgraphTensors.CopyNodeInputsToSubgraphInputs(context, ref node, cond, 0);
        // The outputs hold the loop state from here on; the inputs are not read again.
        SubgraphTensors.CopyNodeInputsToNodeOutputs(context, ref node);
        Status status = context.InvokeSubgraph(cond);
        if (status != Status.Ok) return status;
        while (SubgraphTensors.ReadCondition(ref *context.GetSubgraphOutput(cond, 0)))
        {
            status = context.CountLoopIteration();
            if (status != Status.Ok) return status;
            SubgraphTensors.CopyNodeOutputsToSubgraphInputs(context, ref node, body);
            status = context.InvokeSubgraph(body);
            if (status != Status.Ok) return status;
            SubgraphTensors.CopySubgraphOutputsToNodeOutputs(context, ref node, body);
            SubgraphTensors.CopyNodeOutputsToSubgraphInputs(context, ref node, cond);
            status = context.InvokeSubgraph(cond);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }
}
