using System;
using Buffer = TfLiteMicro.Schema.Buffer;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

// The memory-planning half of AllocateTensors (TFLM's FinishModelAllocation / CommitStaticMemoryPlan and
// AllocationInfoBuilder): lifetimes of every tensor of every subgraph and every scratch buffer, offline offsets,
// the planner, and the commit of addresses into the eval tensors and scratch handles.
public sealed unsafe partial class MicroInterpreter
{
    private static ReadOnlySpan<byte> OfflineMemoryAllocationMetadata => "OfflineMemoryAllocation"u8;

    private int allocationScope;

    private Status CommitMemoryPlan()
    {
        ArenaAllocator arena = allocator.Arena;

        // The scratch requests sit at the head start; copy them to the tail-side handles' bookkeeping first.
        int handleBytes = scratchCount * sizeof(void*);
        scratchHandles = (void**)allocator.AllocatePersistent(handleBytes, sizeof(void*), AllocationCategory.ScratchHandles);
        if (scratchHandles == null && handleBytes > 0) return ArenaTooSmall(handleBytes, "scratch buffer handles"u8);

        int tensorTotal = 0;
        for (int s = 0; s < subgraphCount; s++) tensorTotal += subgraphs[s].TensorCount;

        // Offline plan from the model metadata, if any.
        OfflinePlan offlinePlan = default;
        bool hasOfflinePlan = false;
        if (model.TryGetMetadataBuffer(OfflineMemoryAllocationMetadata, out Buffer offlineBuffer))
        {
            Status parsed = OfflinePlan.TryParse(new System.ReadOnlySpan<byte>(offlineBuffer.Data, offlineBuffer.Length), tensorTotal, Errors, out offlinePlan);
            if (parsed != Status.Ok) return parsed;
            hasOfflinePlan = true;
        }

        Status status = AllocateVariableTensors(hasOfflinePlan, offlinePlan);
        if (status != Status.Ok) return status;

        // Allocation infos live in temp memory (like TFLM) and are gone after the commit.
        int infoCount = tensorTotal + scratchCount;
        int infoBytes = infoCount * sizeof(AllocationInfo);
        AllocationInfo* infos = (AllocationInfo*)arena.AllocateTemp(infoBytes, sizeof(void*));
        if (infos == null && infoBytes > 0) return ArenaTooSmall(infoBytes, "memory planning (allocation info)"u8);
        int* subgraphOffsets = (int*)arena.AllocateTemp(subgraphCount * sizeof(int), sizeof(int));
        if (subgraphOffsets == null) return ArenaTooSmall(subgraphCount * sizeof(int), "memory planning"u8);

        InitializeAllocationInfo(infos, subgraphOffsets, hasOfflinePlan, offlinePlan, tensorTotal);
        allocationScope = 0;
        status = MarkAllocationLifetimes(0, infos, subgraphOffsets, tensorTotal, 0);
        if (status != Status.Ok) return status;

        MemoryPlanner planner = allocator.PlannerKind == MemoryPlannerKind.Linear
            ? new LinearMemoryPlanner()
            : new GreedyMemoryPlanner();

        int plannedBuffers = 0;
        for (int i = 0; i < infoCount; i++)
        {
            if (infos[i].NeedsAllocating) plannedBuffers++;
        }
        int workspaceBytes = plannedBuffers * planner.BytesPerBuffer;
        byte* workspace = arena.AllocateTemp(workspaceBytes, sizeof(long));
        if (workspace == null && workspaceBytes > 0) return ArenaTooSmall(workspaceBytes, "memory planner workspace"u8);
        status = planner.Init(workspace, workspaceBytes, Errors);
        if (status != Status.Ok) return status;

        for (int i = 0; i < infoCount; i++)
        {
            AllocationInfo* info = &infos[i];
            if (!info->NeedsAllocating) continue;
            int aligned = ArenaAlignment.AlignSizeUp(info->Bytes, ArenaAlignment.BufferAlignment);
            status = planner.AddBuffer(aligned, info->FirstCreated, info->LastUsed, info->OfflineOffset, Errors);
            if (status != Status.Ok) return status;
        }

        int planBytes = planner.GetMaximumMemorySize();
        if (planBytes > arena.HeadCapacity)
        {
            // Exact: the plan plus the tail, or the temp peak planning itself reached, whichever is larger.
            long usage = (long)planBytes + arena.TailBytes;
            if (arena.PeakBytes > usage) usage = arena.PeakBytes;
            int needed = arena.RequiredArenaBytes(usage);
            return Errors.Fail(Status.ArenaTooSmall, "arena too small: the memory plan needs "u8).Append(planBytes)
                .Append(" bytes of head and the persistent data "u8).Append(arena.TailBytes)
                .Append(" bytes, so the arena needs at least "u8).Append(needed).Append(" bytes but has "u8)
                .Append(arena.ArenaBytes);
        }

        // Commit: write each planned address into its eval tensor or scratch handle.
        int bufferIndex = 0;
        for (int i = 0; i < infoCount; i++)
        {
            AllocationInfo* info = &infos[i];
            if (!info->NeedsAllocating) continue;
            status = planner.GetOffsetForBuffer(bufferIndex++, out int offset, Errors);
            if (status != Status.Ok) return status;
            *info->OutputPointer = arena.HeadStart + offset;
        }

        arena.DeallocateTemp(workspace);
        arena.DeallocateTemp((byte*)subgraphOffsets);
        arena.DeallocateTemp((byte*)infos);
        arena.ResetTempAllocations();
        arena.ResizeHead(0);
        scratchRequests = null;
        int headBytes = planBytes > allocator.MaxHeadBytes ? planBytes : allocator.MaxHeadBytes;
        if (!arena.ReserveHead(headBytes))
        {
            return Errors.Fail(Status.ArenaTooSmall, "arena too small: the head needs "u8).Append(headBytes)
                .Append(" bytes; the arena needs at least "u8).Append(arena.RequiredBytesForHead(headBytes))
                .Append(" bytes but has "u8).Append(arena.ArenaBytes);
        }
        allocator.RecordPlan(planBytes);
        return Status.Ok;
    }

    /// <summary>Variable tensors keep their contents between invocations, so they live in the tail.</summary>
    private Status AllocateVariableTensors(bool hasOfflinePlan, OfflinePlan offlinePlan)
    {
        int globalIndex = 0;
        for (int s = 0; s < subgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            for (int t = 0; t < sub->TensorCount; t++, globalIndex++)
            {
                if (!subgraph.GetTensor(t).IsVariable) continue;
                if (hasOfflinePlan && offlinePlan.OffsetFor(globalIndex) != MemoryPlanner.OnlinePlanned) continue;
                EvalTensor* eval = &sub->Tensors[t];
                if (eval->Data != null) continue;
                int bytes = eval->ByteCount;
                eval->Data = allocator.AllocatePersistent(bytes, ArenaAlignment.BufferAlignment, AllocationCategory.VariableTensors);
                if (eval->Data == null && bytes > 0) return ArenaTooSmall(bytes, "variable tensor buffers"u8);
            }
        }
        return Status.Ok;
    }

    private void InitializeAllocationInfo(AllocationInfo* infos, int* subgraphOffsets, bool hasOfflinePlan, OfflinePlan offlinePlan, int tensorTotal)
    {
        int globalIndex = 0;
        for (int s = 0; s < subgraphCount; s++)
        {
            subgraphOffsets[s] = globalIndex;
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            for (int t = 0; t < sub->TensorCount; t++, globalIndex++)
            {
                AllocationInfo* info = &infos[globalIndex];
                EvalTensor* eval = &sub->Tensors[t];
                info->OutputPointer = &eval->Data;
                info->Bytes = eval->ByteCount;
                info->FirstCreated = -1;
                info->LastUsed = -1;
                int offline = hasOfflinePlan ? offlinePlan.OffsetFor(globalIndex) : MemoryPlanner.OnlinePlanned;
                info->OfflineOffset = offline;
                bool isVariable = subgraph.GetTensor(t).IsVariable;
                // Offline-planned variable tensors are placed by the plan; all others stay in the tail.
                info->NeedsAllocating = eval->Data == null && (!isVariable || offline != MemoryPlanner.OnlinePlanned) && info->Bytes != 0;
            }
        }
        for (int i = 0; i < scratchCount; i++)
        {
            AllocationInfo* info = &infos[tensorTotal + i];
            info->OutputPointer = &scratchHandles[i];
            info->Bytes = scratchRequests[i].Bytes;
            info->FirstCreated = -1;
            info->LastUsed = -1;
            info->OfflineOffset = MemoryPlanner.OnlinePlanned;
            info->NeedsAllocating = true;
        }
    }

    /// <summary>
    /// Starts a lifetime at <paramref name="scope"/>, or extends an existing one to it: the first creation counts (TFLM's
    /// UpdateFirstCreated). So a tensor that two operators write — only in a broken model — lives from the first write,
    /// and no other buffer can share its memory while the first writer runs; and a subgraph called from several
    /// control-flow nodes keeps its tensors from its first call to its last. (TFLM restarts a callee's lifetimes at
    /// every visit, so its tensors can share memory with tensors alive during its earlier calls.)
    /// </summary>
    private static void MarkCreated(AllocationInfo* info, int scope)
    {
        if (info->FirstCreated >= 0)
        {
            if (info->LastUsed < scope) info->LastUsed = scope;
            return;
        }
        info->FirstCreated = scope;
        info->LastUsed = scope;
    }

    private static void MarkUsed(AllocationInfo* info, int scope) => info->LastUsed = scope;

    /// <summary>
    /// TFLM's lifetime rules: subgraph inputs are created at the subgraph's start; each operator is a
    /// new scope where its outputs are created and its inputs last used; control-flow operators plan the
    /// subgraphs they call inside their own scope; scratch buffers live from the operator's scope (before any
    /// callee subgraph) to its end; subgraph outputs live to the end of the subgraph; a subgraph called from several
    /// nodes keeps its tensors from its first call to its last.
    /// </summary>
    private Status MarkAllocationLifetimes(int subgraphIndex, AllocationInfo* infos, int* subgraphOffsets, int tensorTotal, int depth)
    {
        // A well-formed model calls each subgraph from a tree of control-flow ops; deeper nesting than there are
        // subgraphs means a cycle (a subgraph calling itself), which would never terminate.
        if (depth > subgraphCount)
            return Errors.Fail(Status.MalformedModel, "control-flow operators call subgraph "u8).Append(subgraphIndex)
                .Append(" recursively"u8);
        SubGraph subgraph = model.GetSubgraph(subgraphIndex);
        AllocationInfo* local = &infos[subgraphOffsets[subgraphIndex]];
        IntVector inputs = subgraph.Inputs;
        IntVector outputs = subgraph.Outputs;
        for (int i = 0; i < inputs.Count; i++) MarkCreated(&local[inputs[i]], allocationScope);

        for (int n = 0; n < subgraph.OperatorCount; n++)
        {
            allocationScope++;
            Operator op = subgraph.GetOperator(n);
            IntVector opOutputs = op.Outputs;
            for (int i = 0; i < opOutputs.Count; i++) MarkCreated(&local[opOutputs[i]], allocationScope);

            int startScope = allocationScope;
            Status status = MarkCalleeSubgraphs(op, infos, subgraphOffsets, tensorTotal, depth);
            if (status != Status.Ok) return status;

            IntVector opInputs = op.Inputs;
            for (int i = 0; i < opInputs.Count; i++)
            {
                int tensorIndex = opInputs[i];
                if (tensorIndex >= 0) MarkUsed(&local[tensorIndex], allocationScope);
            }
            for (int i = 0; i < opOutputs.Count; i++) MarkUsed(&local[opOutputs[i]], allocationScope);

            for (int r = 0; r < scratchCount; r++)
            {
                if (scratchRequests[r].NodeIndex != n || scratchRequests[r].SubgraphIndex != subgraphIndex) continue;
                AllocationInfo* info = &infos[tensorTotal + r];
                MarkCreated(info, startScope);
                MarkUsed(info, allocationScope);
            }
        }
        for (int i = 0; i < outputs.Count; i++) MarkUsed(&local[outputs[i]], allocationScope);
        return Status.Ok;
    }

    private Status MarkCalleeSubgraphs(Operator op, AllocationInfo* infos, int* subgraphOffsets, int tensorTotal, int depth)
    {
        BuiltinOperator code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
        int first = -1;
        int second = -1;
        // Field ids from the schema: IfOptions {then_subgraph_index, else_subgraph_index},
        // WhileOptions {cond_subgraph_index, body_subgraph_index}, CallOnceOptions {init_subgraph_index}.
        switch (code)
        {
            case BuiltinOperator.IF:
            case BuiltinOperator.WHILE:
                first = op.BuiltinOptions.GetScalar<int>(0, 0);
                second = op.BuiltinOptions.GetScalar<int>(1, 0);
                break;
            case BuiltinOperator.CALL_ONCE:
                first = op.BuiltinOptions.GetScalar<int>(0, 0);
                break;
        }
        if ((uint)first < (uint)subgraphCount)
        {
            allocationScope++;
            Status status = MarkAllocationLifetimes(first, infos, subgraphOffsets, tensorTotal, depth + 1);
            if (status != Status.Ok) return status;
        }
        if ((uint)second < (uint)subgraphCount)
        {
            allocationScope++;
            return MarkAllocationLifetimes(second, infos, subgraphOffsets, tensorTotal, depth + 1);
        }
        return Status.Ok;
    }
}
