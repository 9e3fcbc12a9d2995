using System;
using Buffer = TfLiteMicro.Schema.Buffer;
using TfLiteMicro.Memory;
using TfLiteMicro.Profiling;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

/// <summary>
/// Runs a model inside one caller-provided arena (TFLM's MicroInterpreter). Life cycle:
/// construct → <see cref="AllocateTensors"/> (init → prepare → plan → commit) → fill inputs → <see cref="Invoke"/>
/// → read outputs, repeatedly. Nothing is allocated on the managed heap after AllocateTensors, and every failure
/// is a <see cref="Status"/> with a message in <see cref="Errors"/>.
/// </summary>
public sealed unsafe partial class MicroInterpreter
{
    private enum State
    {
        Created,
        Allocated,
        Failed,
    }

    private readonly Model model;
    private readonly OpResolver resolver;
    private readonly MicroAllocator allocator;
    private readonly MicroProfiler? profiler;
    private readonly InterpreterContext context;
    private State state;
    private readonly int resourceVariableCapacity;
    private readonly int maxLoopIterations;
    private int loopIterations;
    private ResourceVariables? resourceVariables;
    private readonly ArenaAllocator? weights;

    private SubgraphAllocation* subgraphs;
    private int subgraphCount;
    private int* emptyDims;
    // What GetEvalTensor answers for an index outside the subgraph (an omitted optional input).
    private EvalTensor* absentTensor;
    // True once every subgraph's eval tensors exist (tensor views then read them rather than the model).
    private bool evalTensorsReady;
    private void** scratchHandles;
    private int scratchCount;

    // Scratch requests live at the start of the head while nodes prepare (TFLM's resizable buffer).
    private ScratchRequest* scratchRequests;
    private int currentSubgraph;
    private int currentNode;

    /// <summary>Creates an interpreter with its own allocator over <paramref name="arena"/>.</summary>
    public MicroInterpreter(Model model, OpResolver resolver, byte* arena, int arenaBytes, InterpreterOptions? options = null)
        : this(model, resolver,
               new MicroAllocator(arena, arenaBytes, options != null && options.PreserveAllTensors ? MemoryPlannerKind.Linear : MemoryPlannerKind.Greedy),
               options?.Profiler,
               options != null ? options.ResourceVariableCapacity : InterpreterOptions.AutomaticResourceVariableCapacity,
               options != null ? options.MaxLoopIterations : InterpreterOptions.DefaultMaxLoopIterations)
    {
        if (options != null && options.WeightsMemory != null && options.WeightsMemoryBytes > 0)
            weights = new ArenaAllocator(options.WeightsMemory, options.WeightsMemoryBytes);
    }

    /// <summary>
    /// Creates an interpreter on a shared allocator (several models in one arena). Allocate them one after the
    /// other; they share the head, so do not interleave their Invoke calls expecting intermediate data to survive.
    /// <paramref name="resourceVariableCapacity"/> is <see cref="InterpreterOptions.ResourceVariableCapacity"/>,
    /// <paramref name="maxLoopIterations"/> <see cref="InterpreterOptions.MaxLoopIterations"/>.
    /// </summary>
    public MicroInterpreter(Model model, OpResolver resolver, MicroAllocator allocator, MicroProfiler? profiler = null,
        int resourceVariableCapacity = InterpreterOptions.AutomaticResourceVariableCapacity,
        int maxLoopIterations = InterpreterOptions.DefaultMaxLoopIterations)
    {
        this.model = model;
        this.maxLoopIterations = maxLoopIterations;
        this.resourceVariableCapacity = resourceVariableCapacity;
        this.resolver = resolver;
        this.allocator = allocator;
        this.profiler = profiler;
        Errors = new ErrorReporter();
        context = new InterpreterContext(this, Errors);
    }

    /// <summary>The message of the last failure.</summary>
    public ErrorReporter Errors { get; }

    public Model Model => model;

    public MicroAllocator Allocator => allocator;

    /// <summary>Head + tail bytes of the arena in use (TFLM's arena_used_bytes()).</summary>
    public int ArenaUsedBytes => allocator.UsedBytes;

    /// <summary>
    /// The smallest arena this model can be allocated in (for an arena starting at the same 16-byte alignment):
    /// head + tail plus the temp memory Prepare and planning needed at their peak, rounded up to 16 bytes
    /// (TFLM's arena_used_bytes leaves temp out, so an arena of exactly that size can fail). Exact: an arena of
    /// this size works, one byte less does not.
    /// </summary>
    public int ArenaRequiredBytes => allocator.Arena.RequiredBytes;

    /// <summary>
    /// Bytes of kernels' repacked weights: in the separate <see cref="InterpreterOptions.WeightsMemory"/> when given,
    /// else part of <see cref="ArenaUsedBytes"/> (category <see cref="AllocationCategory.RepackedWeights"/>).
    /// </summary>
    public int WeightsBytes => weights != null ? weights.UsedBytes : allocator.Report.UsedBytesOf(AllocationCategory.RepackedWeights);

    /// <summary>True when repacked weights go to a separate weights memory instead of the arena.</summary>
    public bool HasWeightsMemory => weights != null;

    /// <summary>Where the arena went, by category.</summary>
    public ArenaUsageReport ArenaUsage => allocator.Report;

    public bool IsAllocated => state == State.Allocated;

    public bool PreservesAllTensors => allocator.PlannerKind == MemoryPlannerKind.Linear;

    public int InputCount => model.IsValid ? model.GetSubgraph(0).Inputs.Count : 0;

    public int OutputCount => model.IsValid ? model.GetSubgraph(0).Outputs.Count : 0;

    public int SubgraphCount => model.IsValid ? model.SubgraphCount : 0;

    /// <summary>
    /// The resource variables of this interpreter (created by AllocateTensors); null before, and when the budget
    /// is 0 (see <see cref="InterpreterOptions.ResourceVariableCapacity"/>).
    /// </summary>
    public ResourceVariables? ResourceVariables => resourceVariables;

    /// <summary>Input <paramref name="index"/> of the main subgraph: type, shape, quantization and data.</summary>
    public TensorInfo Input(int index)
    {
        if (!model.IsValid) return default;
        IntVector inputs = model.GetSubgraph(0).Inputs;
        if ((uint)index >= (uint)inputs.Count) return default;
        return DescribeTensorForApplication(0, inputs[index]);
    }

    public TensorInfo Output(int index)
    {
        if (!model.IsValid) return default;
        IntVector outputs = model.GetSubgraph(0).Outputs;
        if ((uint)index >= (uint)outputs.Count) return default;
        return DescribeTensorForApplication(0, outputs[index]);
    }

    /// <summary>
    /// Any tensor of any subgraph. Only intermediate tensors of an interpreter that preserves all tensors keep
    /// their contents after Invoke; otherwise their memory is reused by later ops.
    /// </summary>
    public TensorInfo GetTensor(int tensorIndex, int subgraphIndex = 0)
    {
        if (!model.IsValid) return default;
        if ((uint)subgraphIndex >= (uint)model.SubgraphCount) return default;
        if ((uint)tensorIndex >= (uint)model.GetSubgraph(subgraphIndex).TensorCount) return default;
        return DescribeTensorForApplication(subgraphIndex, tensorIndex);
    }

    /// <summary>Runs Init and Prepare of every node, plans the head and commits tensor addresses.</summary>
    public Status AllocateTensors()
    {
        if (state == State.Allocated) return Status.Ok;
        if (state == State.Failed)
            return Errors.Fail(Status.InvalidState, "AllocateTensors already failed for this interpreter; create a new one"u8);
        Errors.Clear();
        if (!model.IsValid)
        {
            state = State.Failed;
            return Errors.Fail(Status.InvalidArgument, "the interpreter has no model: load one with Model.TryCreate first"u8);
        }
        if (allocator.Arena.HeadStart == null)
        {
            state = State.Failed;
            return Errors.Fail(Status.InvalidArgument, "the arena is null"u8);
        }
        if (!allocator.BeginModelAllocation())
        {
            state = State.Failed;
            return Errors.Fail(Status.InvalidState, "another model is being allocated on this allocator"u8);
        }
        Status status = AllocateAll();
        allocator.EndModelAllocation();
        allocator.RefreshReport();
        if (status != Status.Ok)
        {
            state = State.Failed;
            return status;
        }
        state = State.Allocated;
        return Reset();
    }

    /// <summary>
    /// Runs the main subgraph once. As in TFLM, the memory planner may reuse an input tensor's memory for a later
    /// tensor, so Invoke may overwrite the inputs: write them again before every Invoke.
    /// </summary>
    public Status Invoke()
    {
        if (state != State.Allocated)
        {
            Status status = AllocateTensors();
            if (status != Status.Ok) return status;
        }
        loopIterations = 0;
        return InvokeSubgraph(0);
    }

    /// <summary>
    /// Returns the model to its initial state: every kernel's Reset (stateful ops), every variable tensor
    /// filled with its zero point (int8) or zero, and every resource variable refilled with its default value.
    /// As in TFLM, CALL_ONCE has no reset: its init subgraph does not run again.
    /// </summary>
    public Status Reset()
    {
        if (state != State.Allocated)
            return Errors.Fail(Status.InvalidState, "Reset needs a successful AllocateTensors"u8);
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                ref Node node = ref sub->Nodes[n];
                currentSubgraph = s;
                currentNode = n;
                resolver.GetKernel(node.KernelSlot).Reset(context, ref node);
            }
        }
        ResetVariableTensors();
        resourceVariables?.ResetAll();
        return Status.Ok;
    }

    /// <summary>Runs subgraph <paramref name="subgraphIndex"/> (control-flow kernels call this for their branches).</summary>
    public Status InvokeSubgraph(int subgraphIndex)
    {
        if ((uint)subgraphIndex >= (uint)subgraphCount)
            return Errors.Fail(Status.InvalidArgument, "subgraph index "u8).Append(subgraphIndex).Append(" out of range"u8);
        int savedSubgraph = currentSubgraph;
        int savedNode = currentNode;
        SubgraphAllocation* sub = &subgraphs[subgraphIndex];
        context.SetPhase(KernelPhase.Invoke);
        for (int n = 0; n < sub->NodeCount; n++)
        {
            ref Node node = ref sub->Nodes[n];
            currentSubgraph = subgraphIndex;
            currentNode = n;
            OpKernel kernel = resolver.GetKernel(node.KernelSlot);
            int eventHandle = profiler != null ? profiler.BeginEvent(resolver.GetName(node.KernelSlot)) : 0;
            Status status = kernel.Invoke(context, ref node);
            profiler?.EndEvent(eventHandle);
            allocator.Arena.ResetTempAllocations();
            if (status != Status.Ok)
            {
                currentSubgraph = savedSubgraph;
                currentNode = savedNode;
                // Abort is a kernel's "stop this run here" (TFLM's kTfLiteAbort), not an error: no message.
                if (status == Status.Abort) return status;
                return PrefixNodeError(status, ref node, "Invoke"u8);
            }
        }
        currentSubgraph = savedSubgraph;
        currentNode = savedNode;
        return Status.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Allocation
    // ------------------------------------------------------------------------------------------------------------

    private Status AllocateAll()
    {
        Status status = StartModelAllocation();
        if (status != Status.Ok) return status;
        status = CreateResourceVariables();
        if (status != Status.Ok) return status;
        status = BindKernels();
        if (status != Status.Ok) return status;

        context.SetPhase(KernelPhase.Init);
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                ref Node node = ref sub->Nodes[n];
                currentSubgraph = s;
                currentNode = n;
                status = resolver.GetKernel(node.KernelSlot).Init(context, ref node);
                if (status != Status.Ok) return PrefixNodeError(status, ref node, "Init"u8);
            }
        }

        context.SetPhase(KernelPhase.Prepare);
        scratchRequests = (ScratchRequest*)allocator.Arena.HeadStart;
        scratchCount = 0;
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                ref Node node = ref sub->Nodes[n];
                currentSubgraph = s;
                currentNode = n;
                status = ReserveScratchRequests();
                if (status != Status.Ok) return status;
                status = PrepareNode(ref node);
                if (status != Status.Ok) return PrefixNodeError(status, ref node, "Prepare"u8);
            }
        }

        context.SetPhase(KernelPhase.MemoryPlanning);
        status = CommitMemoryPlan();
        if (status != Status.Ok) return status;
        context.SetPhase(KernelPhase.Invoke);
        return Status.Ok;
    }

    /// <summary>Room for the current node's scratch requests at the start of the head.</summary>
    private Status ReserveScratchRequests()
    {
        int requestBytes = (scratchCount + KernelContext.MaxScratchBuffersPerOp) * sizeof(ScratchRequest);
        return allocator.Arena.ResizeHead(requestBytes) ? Status.Ok : ArenaTooSmall(requestBytes, "scratch buffer requests"u8);
    }

    /// <summary>
    /// The current node's Prepare and what the interpreter checks after it: compressed inputs accepted, temp buffers
    /// released (released in any case). The message is the kernel's, without the node prefix.
    /// </summary>
    private Status PrepareNode(ref Node node)
    {
        Status status = CheckSparseInputs(ref node);
        if (status == Status.Ok) status = resolver.GetKernel(node.KernelSlot).Prepare(context, ref node);
        if (status == Status.Ok) status = CheckOutputSizes(ref node);
        if (status == Status.Ok) status = CheckCompressedInputsAccepted(ref node);
        bool releasedTemp = allocator.Arena.ResetTempAllocations();
        if (status == Status.Ok && !releasedTemp)
            status = Errors.Fail(Status.Error, "kernel did not release all temp buffers it allocated in Prepare"u8);
        return status;
    }

    /// <summary>
    /// Kernels may compute an output's shape in Prepare (RESHAPE, FILL, BROADCAST_TO, ...): whatever the model says, the
    /// result must have non-negative dimensions and a byte size the planner and every span can hold.
    /// </summary>
    private Status CheckOutputSizes(ref Node node)
    {
        SubgraphAllocation* sub = &subgraphs[currentSubgraph];
        for (int i = 0; i < node.OutputCount; i++)
        {
            int index = node.Outputs[1 + i];
            if ((uint)index >= (uint)sub->TensorCount) continue;
            EvalTensor* tensor = &sub->Tensors[index];
            if (Dimensions.CheckedByteCount(tensor->Type, tensor->Dims) >= 0) continue;
            ErrorReporter message = Errors.Fail(Status.Error, "output tensor "u8).Append(index).Append(" has shape ["u8);
            for (int d = 0; d < tensor->Dims[0]; d++)
            {
                if (d > 0) message.Append(", "u8);
                message.Append(tensor->Dims[1 + d]);
            }
            return message.Append("], which is negative or larger than "u8).Append(Dimensions.MaxByteCount).Append(" bytes"u8);
        }
        return Status.Ok;
    }

    /// <summary>Tail tables: subgraph allocations, eval tensors and nodes (TFLM's StartModelAllocation).</summary>
    private Status StartModelAllocation()
    {
        subgraphCount = model.SubgraphCount;
        emptyDims = (int*)allocator.AllocatePersistent(sizeof(int), sizeof(int), AllocationCategory.Bookkeeping);
        if (emptyDims == null) return ArenaTooSmall(sizeof(int), "bookkeeping"u8);
        *emptyDims = 0;
        absentTensor = (EvalTensor*)allocator.AllocatePersistent(sizeof(EvalTensor), sizeof(void*), AllocationCategory.Bookkeeping);
        if (absentTensor == null) return ArenaTooSmall(sizeof(EvalTensor), "bookkeeping"u8);

        int tableBytes = subgraphCount * sizeof(SubgraphAllocation);
        subgraphs = (SubgraphAllocation*)allocator.AllocatePersistent(tableBytes, sizeof(void*), AllocationCategory.Bookkeeping);
        if (subgraphs == null) return ArenaTooSmall(tableBytes, "subgraph tables"u8);

        for (int s = 0; s < subgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            sub->TensorCount = subgraph.TensorCount;
            sub->NodeCount = subgraph.OperatorCount;
            sub->Compressed = null;

            int tensorBytes = sub->TensorCount * sizeof(EvalTensor);
            sub->Tensors = (EvalTensor*)allocator.AllocatePersistent(tensorBytes, sizeof(void*), AllocationCategory.EvalTensors);
            if (sub->Tensors == null && tensorBytes > 0) return ArenaTooSmall(tensorBytes, "eval tensors"u8);
            for (int t = 0; t < sub->TensorCount; t++)
            {
                Tensor tensor = subgraph.GetTensor(t);
                EvalTensor* eval = &sub->Tensors[t];
                eval->Type = tensor.Type;
                int* dims = tensor.Shape.LengthPrefixed;
                eval->Dims = dims != null ? dims : emptyDims;
                Buffer buffer = model.GetBuffer(tensor.BufferIndex);
                // A buffer with data makes the tensor constant: it is read in place from the model.
                eval->Data = buffer.Length > 0 ? buffer.Data : null;
            }

            int nodeBytes = sub->NodeCount * sizeof(Node);
            sub->Nodes = (Node*)allocator.AllocatePersistent(nodeBytes, sizeof(void*), AllocationCategory.Nodes);
            if (sub->Nodes == null && nodeBytes > 0) return ArenaTooSmall(nodeBytes, "nodes"u8);
            for (int n = 0; n < sub->NodeCount; n++)
            {
                Operator op = subgraph.GetOperator(n);
                Node* node = &sub->Nodes[n];
                *node = default;
                node->Inputs = op.Inputs.LengthPrefixed != null ? op.Inputs.LengthPrefixed : emptyDims;
                node->Outputs = op.Outputs.LengthPrefixed != null ? op.Outputs.LengthPrefixed : emptyDims;
                node->Intermediates = op.Intermediates.LengthPrefixed != null ? op.Intermediates.LengthPrefixed : emptyDims;
                node->BuiltinOptions = op.BuiltinOptions;
                node->CustomOptions = op.CustomOptionsPointer;
                node->CustomOptionsLength = op.CustomOptionsLength;
                node->Code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
                node->SubgraphIndex = s;
                node->OperatorIndex = n;
                node->KernelSlot = -1;
            }
        }
        evalTensorsReady = true;
        return AttachCompressedTensors();
    }

    /// <summary>The resource variable table in the tail, sized by the budget (TFLM's MicroResourceVariables::Create).</summary>
    private Status CreateResourceVariables()
    {
        int capacity = resourceVariableCapacity;
        if (capacity == InterpreterOptions.AutomaticResourceVariableCapacity)
        {
            capacity = 0;
            for (int s = 0; s < subgraphCount; s++)
            {
                SubgraphAllocation* sub = &subgraphs[s];
                for (int n = 0; n < sub->NodeCount; n++)
                {
                    if (sub->Nodes[n].Code == BuiltinOperator.VAR_HANDLE) capacity++;
                }
            }
        }
        if (capacity < 0)
            return Errors.Fail(Status.InvalidArgument, "resource variable capacity must not be negative, got "u8).Append(capacity);
        if (capacity == 0) return Status.Ok;
        resourceVariables = ResourceVariables.CreateInTail(allocator, capacity, Errors);
        if (resourceVariables == null) return ArenaTooSmall(ResourceVariables.TableBytes(capacity), "resource variable table"u8);
        return Status.Ok;
    }

    /// <summary>Looks every operator up in the resolver; names all missing operators in one message.</summary>
    private Status BindKernels()
    {
        int missing = 0;
        for (int c = 0; c < model.OperatorCodeCount; c++)
        {
            OperatorCode code = model.GetOperatorCode(c);
            int slot = code.BuiltinCode == BuiltinOperator.CUSTOM ? resolver.FindCustom(code.CustomCode) : resolver.FindBuiltin(code.BuiltinCode);
            if (slot >= 0 || !IsOperatorCodeUsed(c)) continue;
            if (missing == 0) Errors.Fail(Status.UnsupportedOperator, "the op resolver lacks operators the model needs: "u8);
            else Errors.Append(", "u8);
            AppendOperator(code);
            missing++;
        }
        if (missing > 0) return Status.UnsupportedOperator;

        for (int s = 0; s < subgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                Operator op = subgraph.GetOperator(n);
                OperatorCode code = model.GetOperatorCode(op.OpcodeIndex);
                Node* node = &sub->Nodes[n];
                if (code.BuiltinCode == BuiltinOperator.CUSTOM)
                {
                    node->KernelSlot = resolver.FindCustom(code.CustomCode);
                }
                else
                {
                    node->KernelSlot = resolver.FindBuiltin(code.BuiltinCode);
                    if (op.CustomOptionsLength > 0)
                    {
                        return Errors.Fail(Status.MalformedModel, ReadOnlySpan<byte>.Empty).AppendName(BuiltinOperators.Name(code.BuiltinCode))
                            .Append(" (subgraph "u8).Append(s).Append(", node "u8).Append(n)
                            .Append("): a builtin operator must not carry custom options"u8);
                    }
                }
            }
        }
        return Status.Ok;
    }

    /// <summary>Appends the operator's name: the builtin name, or "custom op 'NAME'" (saying what an "ethos-u" op needs).</summary>
    private void AppendOperator(OperatorCode code)
    {
        if (code.BuiltinCode != BuiltinOperator.CUSTOM)
        {
            Errors.AppendName(BuiltinOperators.Name(code.BuiltinCode));
            return;
        }
        Errors.Append("custom op '"u8).AppendName(code.CustomCode.Bytes).Append('\'');
        // Vela-compiled models hand whole subgraphs to an Arm Ethos-U NPU through this one custom op.
        if (code.CustomCode.EqualsUtf8(EthosUCustomOp)) Errors.Append(" (the model was compiled by Vela and needs an Arm Ethos-U NPU and its driver)"u8);
    }

    private bool IsOperatorCodeUsed(int opcodeIndex)
    {
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int n = 0; n < subgraph.OperatorCount; n++)
            {
                if (subgraph.GetOperator(n).OpcodeIndex == opcodeIndex) return true;
            }
        }
        return false;
    }

    private Status PrefixNodeError(Status status, ref Node node, ReadOnlySpan<byte> phase)
    {
        if (Errors.Message.Length == 0) Errors.Fail(status, "failed without a message"u8);
        // "<OP> (subgraph s, node n) <phase>: <kernel message>"
        Errors.Prefix(": "u8);
        Errors.Prefix(phase);
        Errors.Prefix(") "u8);
        Errors.Prefix(node.OperatorIndex);
        Errors.Prefix(", node "u8);
        Errors.Prefix(node.SubgraphIndex);
        Errors.Prefix(" (subgraph "u8);
        if (node.KernelSlot >= 0)
        {
            Errors.Prefix(resolver.GetName(node.KernelSlot).Utf8);
        }
        else
        {
            Errors.Prefix(BuiltinOperators.Name(node.Code));
        }
        return status == Status.Ok ? Status.Error : status;
    }

    private static ReadOnlySpan<byte> EthosUCustomOp => "ethos-u"u8;

    
    /// <summary>Repacked-weights memory: the separate weights memory, or the arena's tail.</summary>
    internal byte* AllocateWeights(int bytes)
    {
        if (weights == null)
        {
            byte* inArena = allocator.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment, AllocationCategory.RepackedWeights);
            if (inArena == null) ArenaTooSmall(bytes, "a kernel's repacked weights"u8);
            return inArena;
        }
        byte* result = weights.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment);
        if (result == null)
        {
            Errors.Fail(Status.ArenaTooSmall, "weights memory too small: repacked weights need "u8).Append(bytes)
                .Append(" more bytes; it has "u8).Append(weights.GetAvailableMemory(ArenaAlignment.BufferAlignment))
                .Append(" of "u8).Append(weights.ArenaBytes).Append(" left"u8);
        }
        return result;
    }

    internal Status ArenaTooSmall(int requestedBytes, ReadOnlySpan<byte> what)
    {
        // What is in use now (head + temp + tail) plus this request is a lower bound of the arena needed; later
        // steps may need more, which is why the message says "at least".
        ArenaAllocator arena = allocator.Arena;
        long usage = (long)arena.InUseBytes + (requestedBytes > 0 ? requestedBytes : 0);
        long failed = arena.TakeFailedUsage();
        int needed = arena.RequiredArenaBytes(failed > usage ? failed : usage);
        return Errors.Fail(Status.ArenaTooSmall, "arena too small: "u8).Append(what).Append(" need "u8)
            .Append(requestedBytes).Append(" more bytes; the arena needs at least "u8).Append(needed)
            .Append(" bytes but has "u8).Append(arena.ArenaBytes);
    }

    private void ResetVariableTensors()
    {
        for (int s = 0; s < subgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            for (int t = 0; t < sub->TensorCount; t++)
            {
                Tensor tensor = subgraph.GetTensor(t);
                if (!tensor.IsVariable) continue;
                EvalTensor* eval = &sub->Tensors[t];
                if (eval->Data == null) continue;
                byte fill = 0;
                if (tensor.Type == TensorType.Int8 && tensor.HasQuantization && tensor.Quantization.ZeroPoint.Count > 0)
                {
                    fill = (byte)(sbyte)tensor.Quantization.ZeroPoint[0];
                }
                new System.Span<byte>(eval->Data, eval->ByteCount).Fill(fill);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tensor views
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The view the application gets: a constant whose buffer is shorter than shape × type (stored sparse or
    /// LUT-compressed) is given without data (its spans are empty) rather than as a span past its buffer. Kernels get the stored
    /// form through <see cref="DescribeTensor"/> (DENSIFY and the decompressing kernels read it).
    /// </summary>
    private TensorInfo DescribeTensorForApplication(int subgraphIndex, int tensorIndex)
    {
        TensorInfo info = DescribeTensor(subgraphIndex, tensorIndex);
        if (info.Data == null || !info.IsConstant) return info;
        int stored = model.GetBuffer(model.GetSubgraph(subgraphIndex).GetTensor(tensorIndex).BufferIndex).Length;
        if (stored >= info.ByteCount) return info;
        return new TensorInfo(tensorIndex, info.Type, info.Dims, null, info.IsConstant, info.IsVariable, info.Quantization);
    }

    internal TensorInfo DescribeTensor(int subgraphIndex, int tensorIndex)
    {
        Tensor tensor = model.GetSubgraph(subgraphIndex).GetTensor(tensorIndex);
        int* dims;
        void* data;
        if (evalTensorsReady && subgraphIndex < subgraphCount)
        {
            EvalTensor* eval = &subgraphs[subgraphIndex].Tensors[tensorIndex];
            dims = eval->Dims;
            data = eval->Data;
        }
        else
        {
            // Before AllocateTensors: describe straight from the model.
            dims = tensor.Shape.LengthPrefixed;
            Buffer buffer = model.GetBuffer(tensor.BufferIndex);
            data = buffer.Length > 0 ? buffer.Data : null;
            if (dims == null) dims = emptyDims;
        }
        bool isConstant = model.GetBuffer(tensor.BufferIndex).Length > 0;
        return new TensorInfo(tensorIndex, tensor.Type, dims, data, isConstant, tensor.IsVariable, DescribeQuantization(tensor));
    }

    internal static QuantizationInfo DescribeQuantization(Tensor tensor)
    {
        if (!tensor.HasQuantization) return default;
        QuantizationParameters q = tensor.Quantization;
        FloatVector scales = q.Scale;
        if (scales.Count == 0) return default;
        LongVector zeroPoints = q.ZeroPoint;
        return new QuantizationInfo(scales.Count, scales.Items, zeroPoints.Items, zeroPoints.Count, q.QuantizedDimension);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Services for the kernel context
    // ------------------------------------------------------------------------------------------------------------

    internal int CurrentSubgraph => currentSubgraph;

    /// <summary>
    /// A tensor of the running subgraph; an index outside it (an omitted optional input, -1) gives an empty tensor
    /// (no data, rank 0) instead of memory before or after the table. Prepare must refuse a missing required input.
    /// </summary>
    internal ref EvalTensor EvalTensorOfCurrentSubgraph(int tensorIndex)
    {
        SubgraphAllocation* sub = &subgraphs[currentSubgraph];
        if ((uint)tensorIndex < (uint)sub->TensorCount) return ref sub->Tensors[tensorIndex];
        absentTensor->Data = null;
        absentTensor->Dims = emptyDims;
        absentTensor->Type = TensorType.Float32;
        return ref *absentTensor;
    }

    internal Status AddScratchRequest(int bytes, out int bufferIndex)
    {
        bufferIndex = -1;
        int forThisNode = 0;
        for (int i = 0; i < scratchCount; i++)
        {
            if (scratchRequests[i].NodeIndex == currentNode && scratchRequests[i].SubgraphIndex == currentSubgraph) forThisNode++;
        }
        if (forThisNode >= KernelContext.MaxScratchBuffersPerOp)
            return Errors.Fail(Status.CapacityExceeded, "more than "u8).Append(KernelContext.MaxScratchBuffersPerOp)
                .Append(" scratch buffers requested by one node"u8);
        if (bytes < 0) return Errors.Fail(Status.InvalidArgument, "negative scratch buffer size "u8).Append(bytes);
        if (bytes > Dimensions.MaxByteCount)
            return Errors.Fail(Status.InvalidArgument, "scratch buffer of "u8).Append(bytes).Append(" bytes is larger than any tensor may be"u8);
        ScratchRequest* request = &scratchRequests[scratchCount];
        request->Bytes = bytes;
        request->NodeIndex = currentNode;
        request->SubgraphIndex = currentSubgraph;
        bufferIndex = scratchCount++;
        return Status.Ok;
    }

    /// <summary>Counts one loop iteration (WHILE) of this Invoke; fails once the bound is exceeded.</summary>
    internal Status CountLoopIteration()
    {
        if (++loopIterations <= maxLoopIterations) return Status.Ok;
        return Errors.Fail(Status.Error, "more than "u8).Append(maxLoopIterations)
            .Append(" loop iterations in one Invoke (InterpreterOptions.MaxLoopIterations)"u8);
    }

    internal int SubgraphInputCount(int subgraphIndex) =>
        (uint)subgraphIndex < (uint)model.SubgraphCount ? model.GetSubgraph(subgraphIndex).Inputs.Count : 0;

    internal int SubgraphOutputCount(int subgraphIndex) =>
        (uint)subgraphIndex < (uint)model.SubgraphCount ? model.GetSubgraph(subgraphIndex).Outputs.Count : 0;

    /// <summary>Tensor index of input (or output) <paramref name="i"/> of a subgraph; -1 when out of range.</summary>
    internal int SubgraphTensorIndex(int subgraphIndex, int i, bool output)
    {
        if ((uint)subgraphIndex >= (uint)model.SubgraphCount) return -1;
        SubGraph subgraph = model.GetSubgraph(subgraphIndex);
        IntVector list = output ? subgraph.Outputs : subgraph.Inputs;
        return (uint)i < (uint)list.Count ? list[i] : -1;
    }

    internal EvalTensor* SubgraphEvalTensor(int subgraphIndex, int tensorIndex) =>
        !evalTensorsReady || (uint)subgraphIndex >= (uint)subgraphCount || (uint)tensorIndex >= (uint)subgraphs[subgraphIndex].TensorCount
            ? null : &subgraphs[subgraphIndex].Tensors[tensorIndex];

    internal void* ScratchBuffer(int bufferIndex) =>
        (uint)bufferIndex < (uint)scratchCount ? scratchHandles[bufferIndex] : null;
}
