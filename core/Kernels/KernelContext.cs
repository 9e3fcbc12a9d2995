using System;

namespace TfLiteMicro;

/// <summary>The interpreter phase, which decides the context calls a kernel may make (as in TFLM).</summary>
public enum KernelPhase
{
    Init,
    Prepare,
    MemoryPlanning,
    Invoke,
}

/// <summary>
/// What a kernel can ask of the runtime (TFLM's <c>MicroContext</c>). Two implementations exist: the
/// interpreter's, and <see cref="FakeKernelContext"/> used by the kernel runner in unit tests.
/// </summary>
public abstract unsafe class KernelContext
{
    /// <summary>Most scratch buffers a single node may request (TFLM's kMaxScratchBuffersPerOp).</summary>
    public const int MaxScratchBuffersPerOp = 12;

    protected KernelContext(ErrorReporter errors)
    {
        Errors = errors;
    }

    /// <summary>Where kernels write their error messages.</summary>
    public ErrorReporter Errors { get; }

    public KernelPhase Phase { get; protected set; }

    // ----- tensors -----

    /// <summary>The run-time view of a tensor of the current subgraph (data, dims, type).</summary>
    public abstract ref EvalTensor GetEvalTensor(int tensorIndex);

    /// <summary>Prepare-time view of a tensor including its quantization. Valid in Init and Prepare.</summary>
    public abstract TensorInfo GetTensorInfo(int tensorIndex);

    public ref EvalTensor GetInput(ref Node node, int i) => ref GetEvalTensor(node.Inputs[1 + i]);

    public ref EvalTensor GetOutput(ref Node node, int i) => ref GetEvalTensor(node.Outputs[1 + i]);

    /// <summary>True when input <paramref name="i"/> exists (optional inputs such as a bias may be -1).</summary>
    public static bool HasInput(ref Node node, int i) => node.InputIndex(i) >= 0;

    /// <summary>An input's Prepare-time view; an absent optional input gives a view whose Exists is false.</summary>
    public TensorInfo GetInputInfo(ref Node node, int i)
    {
        int index = node.InputIndex(i);
        return index < 0 ? default : GetTensorInfo(index);
    }

    public TensorInfo GetOutputInfo(ref Node node, int i) => GetTensorInfo(node.OutputIndex(i));

    public TensorInfo GetIntermediateInfo(ref Node node, int i) => GetTensorInfo(node.IntermediateIndex(i));

    /// <summary>
    /// Copies a tensor's dims into persistent memory so the kernel may fill them in (TFLM's
    /// CreateWritableTensorDimsWithCopy), e.g. an output whose shape is only known in Prepare. Null on failure.
    /// </summary>
    public int* CreateWritableDims(int tensorIndex)
    {
        ref EvalTensor tensor = ref GetEvalTensor(tensorIndex);
        int rank = tensor.Dims[0];
        int* copy = (int*)AllocatePersistentBuffer((rank + 1) * sizeof(int));
        if (copy == null) return null;
        for (int i = 0; i <= rank; i++) copy[i] = tensor.Dims[i];
        tensor.Dims = copy;
        return copy;
    }

    // ----- memory -----

    /// <summary>
    /// Memory that lives as long as the interpreter (OpData, lookup tables). Init and Prepare only. Returns null
    /// and reports "arena too small" when the arena is exhausted.
    /// </summary>
    public abstract void* AllocatePersistentBuffer(int bytes);

    /// <summary>
    /// <see cref="AllocatePersistentBuffer(int)"/> for a size computed in 64 bits: a size no tensor could have fails
    /// (null, with a message) instead of wrapping to a small buffer.
    /// </summary>
    public void* AllocatePersistentBuffer(long bytes)
    {
        if (bytes >= 0 && bytes <= Dimensions.MaxByteCount) return AllocatePersistentBuffer((int)bytes);
        Errors.Fail(Status.ArenaTooSmall, "persistent buffer of "u8).Append(bytes).Append(" bytes requested; at most "u8)
            .Append(Dimensions.MaxByteCount).Append(" are possible"u8);
        return null;
    }

    /// <summary>
    /// Persistent memory for data a kernel derives from constant tensors at Prepare — a port's repacked weights and
    /// per-channel tables. The interpreter puts it in the weights memory the application gave it
    /// (<see cref="InterpreterOptions.WeightsMemory"/>, sized and placed separately from the arena), or without one
    /// in the arena's tail under its own report category (<see cref="Memory.AllocationCategory.RepackedWeights"/>).
    /// Init and Prepare only; null (with a message) when the memory is full.
    /// </summary>
    public virtual void* AllocateWeightsBuffer(int bytes) => AllocatePersistentBuffer(bytes);

    /// <summary>
    /// <see cref="AllocateWeightsBuffer(int)"/> for a size computed in 64 bits: a size no tensor could have fails
    /// (null, with a message) instead of wrapping to a small buffer.
    /// </summary>
    public void* AllocateWeightsBuffer(long bytes)
    {
        if (bytes >= 0 && bytes <= Dimensions.MaxByteCount) return AllocateWeightsBuffer((int)bytes);
        Errors.Fail(Status.ArenaTooSmall, "weights buffer of "u8).Append(bytes).Append(" bytes requested; at most "u8)
            .Append(Dimensions.MaxByteCount).Append(" are possible"u8);
        return null;
    }

    /// <summary>
    /// Asks for a buffer valid only while this node runs, placed by the memory planner in the head (it may share
    /// memory with other nodes' buffers). Prepare only; at most <see cref="MaxScratchBuffersPerOp"/> per node.
    /// </summary>
    public abstract Status RequestScratchBuffer(int bytes, out int bufferIndex);

    /// <summary>
    /// <see cref="RequestScratchBuffer(int, out int)"/> for a size computed in 64 bits (element count × element size):
    /// a size no tensor could have fails here instead of wrapping to a small buffer.
    /// </summary>
    public Status RequestScratchBuffer(long bytes, out int bufferIndex)
    {
        if (bytes >= 0 && bytes <= Dimensions.MaxByteCount) return RequestScratchBuffer((int)bytes, out bufferIndex);
        bufferIndex = -1;
        return Errors.Fail(Status.Error, "scratch buffer of "u8).Append(bytes).Append(" bytes requested; at most "u8)
            .Append(Dimensions.MaxByteCount).Append(" are possible"u8);
    }

    /// <summary>The memory of a scratch buffer requested in Prepare. Invoke only.</summary>
    public abstract void* GetScratchBuffer(int bufferIndex);

    /// <summary>Prepare-time memory released with <see cref="DeallocateTempBuffer"/> before Prepare returns.</summary>
    public abstract void* AllocateTempBuffer(int bytes, int alignment);

    public abstract void DeallocateTempBuffer(void* buffer);

    // ----- graph -----

    /// <summary>Index of the subgraph whose node is running.</summary>
    public abstract int CurrentSubgraphIndex { get; }

    // ----- other subgraphs (control flow: IF, WHILE, CALL_ONCE) — TFLM's MicroGraph -----
    // A context without a model (the unit-test fake) has one subgraph and cannot run any.

    /// <summary>Number of subgraphs of the model.</summary>
    public virtual int SubgraphCount => 1;

    public virtual int SubgraphInputCount(int subgraphIndex) => 0;

    public virtual int SubgraphOutputCount(int subgraphIndex) => 0;

    /// <summary>Prepare-time view of input <paramref name="i"/> of subgraph <paramref name="subgraphIndex"/>; absent when out of range.</summary>
    public virtual TensorInfo GetSubgraphInputInfo(int subgraphIndex, int i) => default;

    public virtual TensorInfo GetSubgraphOutputInfo(int subgraphIndex, int i) => default;

    /// <summary>Run-time view of input <paramref name="i"/> of another subgraph (to copy data in); null when out of range.</summary>
    public virtual EvalTensor* GetSubgraphInput(int subgraphIndex, int i) => null;

    /// <summary>Run-time view of output <paramref name="i"/> of another subgraph (to copy results out); null when out of range.</summary>
    public virtual EvalTensor* GetSubgraphOutput(int subgraphIndex, int i) => null;

    /// <summary>
    /// Runs every node of subgraph <paramref name="subgraphIndex"/> and returns to the calling node (Invoke only).
    /// Its tensors are planned inside the calling node's lifetime, so the caller's inputs and outputs stay intact.
    /// </summary>
    public virtual Status InvokeSubgraph(int subgraphIndex) =>
        Errors.Fail(Status.InvalidState, "this kernel context cannot run subgraphs"u8);

    /// <summary>
    /// A loop kernel (WHILE) calls this once per iteration, Invoke only; it fails when the interpreter's bound
    /// (<see cref="InterpreterOptions.MaxLoopIterations"/>) on iterations per Invoke is exceeded, and the kernel then
    /// stops and returns the status.
    /// </summary>
    public virtual Status CountLoopIteration() => Status.Ok;

    /// <summary>The interpreter's resource variables; null when it has none (budget 0).</summary>
    public virtual ResourceVariables? ResourceVariables => null;

    // ----- sparse constant tensors (TFLite's SparsityParameters, read by DENSIFY) -----

    /// <summary>
    /// How tensor <paramref name="tensorIndex"/> of the current subgraph is stored sparse, and how many bytes of values
    /// its buffer holds; absent (and 0) for a dense or non-constant tensor. Only DENSIFY is given sparse inputs.
    /// </summary>
    public virtual Schema.SparsityParameters GetSparsity(int tensorIndex, out int storedBytes)
    {
        storedBytes = 0;
        return default;
    }

    // ----- LUT-compressed constant tensors (TFLM's compression; see docs/compression.md) -----
    // A kernel that supports compression calls RequestDecompressionScratch in Prepare for each input it may get
    // compressed and GetDecompressedInput in Invoke; an input given compressed to a kernel that did not accept it
    // fails Prepare. Tensor indices are those of the current subgraph.

    /// <summary>True when tensor <paramref name="tensorIndex"/> of the current subgraph is LUT-compressed.</summary>
    public virtual bool IsCompressed(int tensorIndex) => false;

    /// <summary>Bytes tensor <paramref name="tensorIndex"/> takes decompressed (0 when it is not compressed).</summary>
    public virtual int DecompressedBytes(int tensorIndex) => 0;

    /// <summary>
    /// Prepare: the kernel will decompress input <paramref name="inputIndex"/> itself (e.g. straight into a resource
    /// variable or into repacked weights). Returns false when the input is not compressed.
    /// </summary>
    public virtual bool AcceptCompressedInput(ref Node node, int inputIndex) => false;

    /// <summary>
    /// Prepare: when input <paramref name="inputIndex"/> is compressed, requests the scratch buffer it is decompressed
    /// into at Invoke; <paramref name="scratchIndex"/> is -1 when the input is absent or not compressed.
    /// </summary>
    public Status RequestDecompressionScratch(ref Node node, int inputIndex, out int scratchIndex)
    {
        scratchIndex = -1;
        if (!AcceptCompressedInput(ref node, inputIndex)) return Status.Ok;
        return RequestScratchBuffer(DecompressedBytes(node.InputIndex(inputIndex)), out scratchIndex);
    }

    /// <summary>
    /// Invoke: input <paramref name="inputIndex"/> as a kernel reads it — the tensor itself, or (scratch index from
    /// <see cref="RequestDecompressionScratch"/> ≥ 0) a view of its values decompressed into that scratch buffer.
    /// </summary>
    public EvalTensor GetDecompressedInput(ref Node node, int inputIndex, int scratchIndex)
    {
        EvalTensor tensor = GetInput(ref node, inputIndex);
        if (scratchIndex < 0) return tensor;
        int tensorIndex = node.InputIndex(inputIndex);
        void* buffer = GetScratchBuffer(scratchIndex);
        // Geometry and every index were validated when the model was allocated, so this cannot fail here.
        DecompressTensor(tensorIndex, buffer, DecompressedBytes(tensorIndex));
        tensor.Data = buffer;
        return tensor;
    }

    /// <summary>
    /// Decompresses tensor <paramref name="tensorIndex"/> into <paramref name="destination"/> (any phase; in Prepare it
    /// also accepts the tensor for the current node). Fails when the tensor is not compressed or the space is short.
    /// </summary>
    public virtual Status DecompressTensor(int tensorIndex, void* destination, int destinationBytes) =>
        Errors.Fail(Status.InvalidArgument, "tensor "u8).Append(tensorIndex).Append(" is not compressed"u8);

    /// <summary>Helper for kernels: reports a failure and returns its status.</summary>
    public Status Fail(ReadOnlySpan<byte> message) => Errors.Fail(Status.Error, message);

    /// <summary>Checks a tensor type and reports "expected X, got Y" with the tensor's role.</summary>
    public Status ExpectType(TensorInfo tensor, TensorType expected, ReadOnlySpan<byte> role)
    {
        if (tensor.Type == expected) return Status.Ok;
        return Errors.Fail(Status.Error, role).Append(" tensor "u8).Append(tensor.Index).Append(" has type "u8)
            .Append(TensorTypes.Name(tensor.Type)).Append(", expected "u8).Append(TensorTypes.Name(expected));
    }

    /// <summary>Reports a type combination the kernel does not implement, naming the tensor.</summary>
    public Status UnsupportedType(TensorInfo tensor, ReadOnlySpan<byte> role)
    {
        return Errors.Fail(Status.Error, "type "u8).Append(TensorTypes.Name(tensor.Type)).Append(" of "u8)
            .Append(role).Append(" tensor "u8).Append(tensor.Index).Append(" is not supported"u8);
    }
}
