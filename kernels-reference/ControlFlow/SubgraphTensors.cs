using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.Kernels.Reference;

/// <summary>
/// Moving tensors between a control-flow node and the subgraphs it calls (TFLM's CopyOpInputsToSubgraphInputs and
/// friends): data is copied, never aliased, because the callee's tensors have their own planned memory. Prepare
/// checks every pair once (same type, same byte size, writable destination) so Invoke copies without checking.
/// </summary>
public static unsafe class SubgraphTensors
{
    /// <summary>True when <paramref name="index"/> is a subgraph of the model (reports it otherwise).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status ExpectSubgraph(KernelContext context, int index, ReadOnlySpan<byte> role) => ExpectSubgraphCore(context, index, ErrorReporter.Text(role));

    private static Status ExpectSubgraphCore(KernelContext context, int index, ReadOnlySpan<byte> role)
    {
        if ((uint)index < (uint)context.SubgraphCount) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" subgraph index "u8).Append(index)
            .Append(" is out of range: the model has "u8).Append(context.SubgraphCount).Append(" subgraphs"u8);
    }

    /// <summary>Checks that a subgraph has exactly the number of inputs and outputs the node passes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status ExpectSignature(KernelContext context, int subgraph, ReadOnlySpan<byte> role, int inputs, int outputs) => ExpectSignatureCore(context, subgraph, ErrorReporter.Text(role), inputs, outputs);

    private static Status ExpectSignatureCore(KernelContext context, int subgraph, ReadOnlySpan<byte> role, int inputs, int outputs)
    {
        int actualInputs = context.SubgraphInputCount(subgraph);
        int actualOutputs = context.SubgraphOutputCount(subgraph);
        if (actualInputs == inputs && actualOutputs == outputs) return Status.Ok;
        return context.Errors.Fail(Status.Error, role).Append(" subgraph "u8).Append(subgraph).Append(" has "u8)
            .Append(actualInputs).Append(" inputs and "u8).Append(actualOutputs).Append(" outputs, the node passes "u8)
            .Append(inputs).Append(" and expects "u8).Append(outputs);
    }

    /// <summary>
    /// Checks that <paramref name="destination"/> can receive a copy of <paramref name="source"/>: same type, same
    /// number of bytes, and not a constant (constants live in the model, which may be read-only flash).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Status ExpectCopyable(KernelContext context, TensorInfo source, ReadOnlySpan<byte> sourceRole, TensorInfo destination, ReadOnlySpan<byte> destinationRole) => ExpectCopyableCore(context, source, ErrorReporter.Text(sourceRole), destination, ErrorReporter.Text(destinationRole));

    private static Status ExpectCopyableCore(KernelContext context, TensorInfo source, ReadOnlySpan<byte> sourceRole, TensorInfo destination, ReadOnlySpan<byte> destinationRole)
    {
        ErrorReporter errors = context.Errors;
        if (destination.IsConstant)
            return errors.Fail(Status.Error, destinationRole).Append(" (tensor "u8).Append(destination.Index)
                .Append(") is constant and cannot receive "u8).Append(sourceRole);
        if (source.Type != destination.Type)
            return errors.Fail(Status.Error, sourceRole).Append(" (tensor "u8).Append(source.Index).Append(") has type "u8)
                .Append(TensorTypes.Name(source.Type)).Append(" but "u8).Append(destinationRole).Append(" (tensor "u8)
                .Append(destination.Index).Append(") has type "u8).Append(TensorTypes.Name(destination.Type));
        if (source.ByteCount != destination.ByteCount)
            return errors.Fail(Status.Error, sourceRole).Append(" (tensor "u8).Append(source.Index).Append(") has "u8)
                .Append(source.ByteCount).Append(" bytes but "u8).Append(destinationRole).Append(" (tensor "u8)
                .Append(destination.Index).Append(") has "u8).Append(destination.ByteCount);
        return Status.Ok;
    }

    /// <summary>Copies the bytes of <paramref name="source"/> into <paramref name="destination"/> (sizes checked in Prepare).</summary>
    public static void Copy(ref EvalTensor destination, ref EvalTensor source)
    {
        int bytes = destination.ByteCount;
        if (bytes == 0 || destination.Data == source.Data) return;
        new ReadOnlySpan<byte>(source.Data, bytes).CopyTo(new Span<byte>(destination.Data, bytes));
    }

    /// <summary>Copies node inputs first, first+1, ... into the inputs of <paramref name="subgraph"/>.</summary>
    public static void CopyNodeInputsToSubgraphInputs(KernelContext context, ref Node node, int subgraph, int first)
    {
        int count = node.InputCount - first;
        for (int i = 0; i < count; i++)
        {
            Copy(ref *context.GetSubgraphInput(subgraph, i), ref context.GetInput(ref node, first + i));
        }
    }

    /// <summary>Copies the node's outputs into the inputs of <paramref name="subgraph"/>.</summary>
    public static void CopyNodeOutputsToSubgraphInputs(KernelContext context, ref Node node, int subgraph)
    {
        for (int i = 0; i < node.OutputCount; i++)
        {
            Copy(ref *context.GetSubgraphInput(subgraph, i), ref context.GetOutput(ref node, i));
        }
    }

    /// <summary>Copies the outputs of <paramref name="subgraph"/> into the node's outputs.</summary>
    public static void CopySubgraphOutputsToNodeOutputs(KernelContext context, ref Node node, int subgraph)
    {
        for (int i = 0; i < node.OutputCount; i++)
        {
            Copy(ref context.GetOutput(ref node, i), ref *context.GetSubgraphOutput(subgraph, i));
        }
    }

    /// <summary>Copies each node input into the node output of the same position.</summary>
    public static void CopyNodeInputsToNodeOutputs(KernelContext context, ref Node node)
    {
        for (int i = 0; i < node.OutputCount; i++)
        {
            Copy(ref context.GetOutput(ref node, i), ref context.GetInput(ref node, i));
        }
    }

    /// <summary>Reads a one-element BOOL tensor (the value TFLM reads as data.b[0]).</summary>
    public static bool ReadCondition(ref EvalTensor condition) => *(byte*)condition.Data != 0;
}
