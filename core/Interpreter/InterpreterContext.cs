using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>The kernel context of a running <see cref="MicroInterpreter"/> (TFLM's MicroInterpreterContext).</summary>
internal sealed unsafe class InterpreterContext : KernelContext
{
    private readonly MicroInterpreter interpreter;

    public InterpreterContext(MicroInterpreter interpreter, ErrorReporter errors)
        : base(errors)
    {
        this.interpreter = interpreter;
    }

    internal void SetPhase(KernelPhase phase) => Phase = phase;

    public override int CurrentSubgraphIndex => interpreter.CurrentSubgraph;

    public override int SubgraphCount => interpreter.SubgraphCount;

    public override int SubgraphInputCount(int subgraphIndex) => interpreter.SubgraphInputCount(subgraphIndex);

    public override int SubgraphOutputCount(int subgraphIndex) => interpreter.SubgraphOutputCount(subgraphIndex);

    public override TensorInfo GetSubgraphInputInfo(int subgraphIndex, int i) => DescribeSubgraphTensor(subgraphIndex, interpreter.SubgraphTensorIndex(subgraphIndex, i, output: false));

    public override TensorInfo GetSubgraphOutputInfo(int subgraphIndex, int i) => DescribeSubgraphTensor(subgraphIndex, interpreter.SubgraphTensorIndex(subgraphIndex, i, output: true));

    public override EvalTensor* GetSubgraphInput(int subgraphIndex, int i) =>
        interpreter.SubgraphEvalTensor(subgraphIndex, interpreter.SubgraphTensorIndex(subgraphIndex, i, output: false));

    public override EvalTensor* GetSubgraphOutput(int subgraphIndex, int i) =>
        interpreter.SubgraphEvalTensor(subgraphIndex, interpreter.SubgraphTensorIndex(subgraphIndex, i, output: true));

    public override Status InvokeSubgraph(int subgraphIndex)
    {
        if (Phase != KernelPhase.Invoke) return Errors.Fail(Status.InvalidState, "InvokeSubgraph is only allowed in Invoke"u8);
        return interpreter.InvokeSubgraph(subgraphIndex);
    }

    public override ResourceVariables? ResourceVariables => interpreter.ResourceVariables;

    public override Status CountLoopIteration() => interpreter.CountLoopIteration();

    private TensorInfo DescribeSubgraphTensor(int subgraphIndex, int tensorIndex) =>
        tensorIndex < 0 ? default : interpreter.DescribeTensor(subgraphIndex, tensorIndex);

    public override SparsityParameters GetSparsity(int tensorIndex, out int storedBytes) => interpreter.SparsityOf(tensorIndex, out storedBytes);

    public override bool IsCompressed(int tensorIndex) => interpreter.IsTensorCompressed(tensorIndex);

    public override int DecompressedBytes(int tensorIndex) => interpreter.DecompressedBytes(tensorIndex);

    public override bool AcceptCompressedInput(ref Node node, int inputIndex)
    {
        int tensorIndex = node.InputIndex(inputIndex);
        return tensorIndex >= 0 && Phase == KernelPhase.Prepare && interpreter.AcceptCompressedTensor(tensorIndex);
    }

    public override Status DecompressTensor(int tensorIndex, void* destination, int destinationBytes)
    {
        if (Phase == KernelPhase.Prepare) interpreter.AcceptCompressedTensor(tensorIndex);
        return interpreter.DecompressTensor(tensorIndex, destination, destinationBytes);
    }

    public override ref EvalTensor GetEvalTensor(int tensorIndex) => ref interpreter.EvalTensorOfCurrentSubgraph(tensorIndex);

    public override TensorInfo GetTensorInfo(int tensorIndex) =>
        tensorIndex < 0 ? default : interpreter.DescribeTensor(interpreter.CurrentSubgraph, tensorIndex);

    public override void* AllocateWeightsBuffer(int bytes)
    {
        if (Phase != KernelPhase.Init && Phase != KernelPhase.Prepare)
        {
            Errors.Fail(Status.InvalidState, "AllocateWeightsBuffer is only allowed in Init and Prepare"u8);
            return null;
        }
        return interpreter.AllocateWeights(bytes);
    }

    public override void* AllocatePersistentBuffer(int bytes)
    {
        if (Phase != KernelPhase.Init && Phase != KernelPhase.Prepare)
        {
            Errors.Fail(Status.InvalidState, "AllocatePersistentBuffer is only allowed in Init and Prepare"u8);
            return null;
        }
        byte* result = interpreter.Allocator.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment, AllocationCategory.PersistentBuffers);
        if (result == null) interpreter.ArenaTooSmall(bytes, "a kernel's persistent buffer"u8);
        return result;
    }

    public override Status RequestScratchBuffer(int bytes, out int bufferIndex)
    {
        if (Phase != KernelPhase.Prepare)
        {
            bufferIndex = -1;
            return Errors.Fail(Status.InvalidState, "RequestScratchBuffer is only allowed in Prepare"u8);
        }
        return interpreter.AddScratchRequest(bytes, out bufferIndex);
    }

    public override void* GetScratchBuffer(int bufferIndex) => interpreter.ScratchBuffer(bufferIndex);

    public override void* AllocateTempBuffer(int bytes, int alignment)
    {
        byte* result = interpreter.Allocator.Arena.AllocateTemp(bytes, alignment);
        if (result == null) interpreter.ArenaTooSmall(bytes, "a kernel's temp buffer"u8);
        return result;
    }

    public override void DeallocateTempBuffer(void* buffer) => interpreter.Allocator.Arena.DeallocateTemp((byte*)buffer);
}
