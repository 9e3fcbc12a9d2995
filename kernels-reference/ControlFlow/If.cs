using System;
using System.Runtime.CompilerServices;
using TfLiteMicro.Schema;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// IF (TFLM's if.cc): input 0 is a one-element BOOL condition; the remaining inputs are copied into the inputs of
/// the then- or else-subgraph, that subgraph runs, and its outputs are copied into the node's outputs. Any tensor
/// type. Both branches are checked in Prepare (TFLM checks the then-branch's counts only and the sizes at Invoke).
/// </summary>
public sealed unsafe class If : OpKernel
{
    public static readonly If Kernel = new If();

    public override Status Init(KernelContext context, ref Node node)
    {
        node.UserData = context.AllocatePersistentBuffer(sizeof(IfOpData));
        return node.UserData == null ? context.Errors.LastStatus : Status.Ok;
    }

    public override Status Prepare(KernelContext context, ref Node node)
    {
        IfOpData* data = (IfOpData*)node.UserData;
        IfOptions options = new IfOptions(node.BuiltinOptions);
        data->ThenSubgraph = options.ThenSubgraphIndex;
        data->ElseSubgraph = options.ElseSubgraphIndex;

        if (node.InputCount < 1) return context.Fail("IF needs the condition as input 0"u8);
        TensorInfo condition = context.GetInputInfo(ref node, 0);
        Status status = context.ExpectType(condition, TensorType.Bool, "condition"u8);
        if (status != Status.Ok) return status;
        if (condition.ElementCount != 1)
            return context.Errors.Fail(Status.Error, "condition tensor "u8).Append(condition.Index).Append(" has "u8)
                .Append(condition.ElementCount).Append(" elements, expected 1"u8);

        status = PrepareBranch(context, ref node, data->ThenSubgraph, "then"u8);
        if (status != Status.Ok) return status;
        return PrepareBranch(context, ref node, data->ElseSubgraph, "else"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status PrepareBranch(KernelContext context, ref Node node, int branch, ReadOnlySpan<byte> role) => PrepareBranchCore(context, ref node, branch, ErrorReporter.Text(role));

    private static Status PrepareBranchCore(KernelContext context, ref Node node, int branch, ReadOnlySpan<byte> role)
    {
        Status status = SubgraphTensors.ExpectSubgraph(context, branch, role);
        if (status != Status.Ok) return status;
        status = SubgraphTensors.ExpectSignature(context, branch, role, node.InputCount - 1, node.OutputCount);
        if (status != Status.Ok) return status;
        for (int i = 1; i < node.InputCount; i++)
        {
            status = SubgraphTensors.ExpectCopyable(context, context.GetInputInfo(ref node, i), "node input"u8, context.GetSubgraphInputInfo(branch, i - 1), "branch input"u8);
            if (status != Status.Ok) return status;
        }
        for (int i = 0; i < node.OutputCount; i++)
        {
            status = SubgraphTensors.ExpectCopyable(context, context.GetSubgraphOutputInfo(branch, i), "branch output"u8, context.GetOutputInfo(ref node, i), "node output"u8);
            if (status != Status.Ok) return status;
        }
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        IfOpData* data = (IfOpData*)node.UserData;
        int branch = SubgraphTensors.ReadCondition(ref context.GetInput(ref node, 0)) ? data->ThenSubgraph : data->ElseSubgraph;
        // The branch's tensors are planned inside this node's lifetime, so they never overlap the node's inputs
        // and outputs: direct copies are safe (older TFLM staged them through persistent buffers instead).
        SubgraphTensors.CopyNodeInputsToSubgraphInputs(context, ref node, branch, 1);
        Status status = context.InvokeSubgraph(branch);
        if (status != Status.Ok) return status;
        SubgraphTensors.CopySubgraphOutputsToNodeOutputs(context, ref node, branch);
        return Status.Ok;
    }
}
