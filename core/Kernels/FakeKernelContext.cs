using TfLiteMicro.Memory;

namespace TfLiteMicro;

/// <summary>
/// A kernel context over tensors described directly (no model), for driving one kernel in unit tests — TFLM's
/// FakeMicroContext. Persistent and scratch buffers come from a small arena; temp allocations are audited so a
/// test can check that a kernel released everything it took in Prepare.
/// </summary>
public sealed unsafe class FakeKernelContext : KernelContext
{
    private readonly ArenaAllocator arena;
    private readonly EvalTensor* tensors;
    private readonly TensorInfo[] infos;
    private readonly void*[] scratchBuffers = new void*[MaxScratchBuffersPerOp];
    private int scratchCount;

    /// <param name="arena">Memory for persistent, scratch and temp buffers.</param>
    /// <param name="tensors">One eval tensor per entry of <paramref name="infos"/> (data already in place).</param>
    /// <param name="infos">Prepare-time descriptions of the tensors, indexed like <paramref name="tensors"/>.</param>
    public FakeKernelContext(ArenaAllocator arena, EvalTensor* tensors, TensorInfo[] infos, ErrorReporter errors)
        : base(errors)
    {
        this.arena = arena;
        this.tensors = tensors;
        this.infos = infos;
    }

    public ArenaAllocator Arena => arena;

    public int ScratchBufferCount => scratchCount;

    public void SetPhase(KernelPhase phase) => Phase = phase;

    public override int CurrentSubgraphIndex => 0;

    public override ref EvalTensor GetEvalTensor(int tensorIndex) => ref tensors[tensorIndex];

    public override TensorInfo GetTensorInfo(int tensorIndex)
    {
        if ((uint)tensorIndex >= (uint)infos.Length) return default;
        TensorInfo info = infos[tensorIndex];
        // Dims may have been replaced by the kernel (CreateWritableDims); report the live ones.
        return new TensorInfo(info.Index, info.Type, tensors[tensorIndex].Dims, info.Data, info.IsConstant, info.IsVariable, info.Quantization);
    }

    public override void* AllocatePersistentBuffer(int bytes)
    {
        byte* result = arena.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment);
        if (result == null) Errors.Fail(Status.ArenaTooSmall, "kernel runner arena too small for a persistent buffer of "u8).Append(bytes).Append(" bytes"u8);
        return result;
    }

    public override Status RequestScratchBuffer(int bytes, out int bufferIndex)
    {
        bufferIndex = -1;
        if (Phase != KernelPhase.Prepare) return Errors.Fail(Status.InvalidState, "RequestScratchBuffer is only allowed in Prepare"u8);
        if (scratchCount == MaxScratchBuffersPerOp)
            return Errors.Fail(Status.CapacityExceeded, "more than "u8).Append(MaxScratchBuffersPerOp).Append(" scratch buffers requested"u8);
        void* buffer = arena.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment);
        if (buffer == null && bytes > 0)
            return Errors.Fail(Status.ArenaTooSmall, "kernel runner arena too small for a scratch buffer of "u8).Append(bytes).Append(" bytes"u8);
        scratchBuffers[scratchCount] = buffer;
        bufferIndex = scratchCount++;
        return Status.Ok;
    }

    public override void* GetScratchBuffer(int bufferIndex) =>
        (uint)bufferIndex < (uint)scratchCount ? scratchBuffers[bufferIndex] : null;

    public override void* AllocateTempBuffer(int bytes, int alignment)
    {
        byte* result = arena.AllocateTemp(bytes, alignment);
        if (result == null) Errors.Fail(Status.ArenaTooSmall, "kernel runner arena too small for a temp buffer of "u8).Append(bytes).Append(" bytes"u8);
        return result;
    }

    public override void DeallocateTempBuffer(void* buffer) => arena.DeallocateTemp((byte*)buffer);
}
