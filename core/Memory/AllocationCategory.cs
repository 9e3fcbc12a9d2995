namespace TfLiteMicro.Memory;

/// <summary>What an arena allocation is for (TFLM's RecordedAllocationType, plus our own kinds).</summary>
public enum AllocationCategory
{
    /// <summary>The per-tensor <see cref="EvalTensor"/> arrays (one entry per tensor of every subgraph).</summary>
    EvalTensors,
    /// <summary>The per-operator <see cref="Node"/> arrays.</summary>
    Nodes,
    /// <summary>Kernel state from <see cref="KernelContext.AllocatePersistentBuffer"/> (OpData, tables, repacked weights).</summary>
    PersistentBuffers,
    /// <summary>Buffers of variable tensors (LSTM/SVDF state), kept in the tail.</summary>
    VariableTensors,
    /// <summary>Handles of planned scratch buffers.</summary>
    ScratchHandles,
    /// <summary>Interpreter bookkeeping (subgraph tables, writable dims, ...).</summary>
    Bookkeeping,
    /// <summary>The table of resource variables (their buffers are kernel persistent buffers).</summary>
    ResourceVariables,
    /// <summary>Per-tensor LUT decompression tables of compressed models (TFLM's kCompressionData).</summary>
    CompressionData,
    /// <summary>
    /// Kernels' repacked copies of constant data (<see cref="KernelContext.AllocateWeightsBuffer"/>) when the
    /// interpreter has no separate weights memory.
    /// </summary>
    RepackedWeights,
    Count,
}
