using TfLiteMicro;

namespace TfLiteMicro.Core.Tests.ControlFlow;

/// <summary>Records what the kernel context says about subgraph 1 during Prepare and Invoke; copies input to output.</summary>
internal sealed unsafe class SubgraphProbeKernel : OpKernel
{
    public int SubgraphCount;
    public int InputCount;
    public int OutputCount;
    public TensorInfo InputInfo;
    public TensorInfo OutputInfo;
    public TensorInfo OutOfRangeInfo;
    public bool InputPointerMatchesInfo;
    public bool OutOfRangePointerIsNull;
    public Status InvokeInPrepare;
    public string PrepareMessage = "";
    public bool HasResourceVariables;

    public override Status Prepare(KernelContext context, ref Node node)
    {
        SubgraphCount = context.SubgraphCount;
        InputCount = context.SubgraphInputCount(1);
        OutputCount = context.SubgraphOutputCount(1);
        InputInfo = context.GetSubgraphInputInfo(1, 0);
        OutputInfo = context.GetSubgraphOutputInfo(1, 0);
        OutOfRangeInfo = context.GetSubgraphInputInfo(1, 1);
        EvalTensor* input = context.GetSubgraphInput(1, 0);
        InputPointerMatchesInfo = input != null && input->Type == InputInfo.Type && input->Dims == InputInfo.Dims;
        OutOfRangePointerIsNull = context.GetSubgraphOutput(1, 3) == null && context.GetSubgraphInput(7, 0) == null;
        HasResourceVariables = context.ResourceVariables != null;
        InvokeInPrepare = context.InvokeSubgraph(1);
        PrepareMessage = context.Errors.MessageText;
        context.Errors.Clear();
        return Status.Ok;
    }

    public override Status Invoke(KernelContext context, ref Node node)
    {
        ref EvalTensor input = ref context.GetInput(ref node, 0);
        ref EvalTensor output = ref context.GetOutput(ref node, 0);
        new System.Span<byte>(input.Data, input.ByteCount).CopyTo(new System.Span<byte>(output.Data, output.ByteCount));
        return Status.Ok;
    }
}

/// <summary>Prepares fine and fails every Invoke with a message.</summary>
internal sealed class FailingInvokeKernel : OpKernel
{
    public override Status Prepare(KernelContext context, ref Node node) => Status.Ok;

    public override Status Invoke(KernelContext context, ref Node node) => context.Fail("the branch refuses to run"u8);
}
