using System;

namespace TfLiteMicro;

/// <summary>
/// Receives the verdict on each operator node from <see cref="MicroInterpreter.CheckOperators"/>: exactly one call
/// per node of every subgraph. Calls come in phase order (nodes missing from the resolver first, then nodes whose
/// Init failed, then the Prepare verdicts), not in execution order, so a sink keys its results by subgraph and node
/// index. Messages are views of the interpreter's error buffer: copy them before returning if they are kept.
/// An abstract class rather than a delegate or an interface so it costs nothing on the bare-metal runtime; hosts
/// implement it (the <c>tflm inspect</c> tool collects the verdicts into its report).
/// </summary>
public abstract class OperatorCheckSink
{
    /// <summary>Init and Prepare of the node succeeded with the resolver's kernel.</summary>
    public abstract void Supported(int subgraphIndex, int nodeIndex);

    /// <summary>
    /// The resolver has no kernel for the node's operator. <paramref name="message"/> is
    /// <see cref="MicroInterpreter.NotRegisteredPrefix"/> and the operator, UTF-8 (the builtin name, or "custom op 'NAME'", with
    /// what it needs when that is known: an "ethos-u" op needs an Arm Ethos-U NPU).
    /// </summary>
    public abstract void NotRegistered(int subgraphIndex, int nodeIndex, ReadOnlySpan<byte> message);

    /// <summary>
    /// The node's kernel refused it: <paramref name="phase"/> is <see cref="KernelPhase.Init"/> (which also covers
    /// the interpreter's own checks made while binding the kernel) or <see cref="KernelPhase.Prepare"/>, and
    /// <paramref name="message"/> (UTF-8) is the kernel's message without the interpreter's "OP (subgraph s, node n)" prefix.
    /// </summary>
    public abstract void Rejected(int subgraphIndex, int nodeIndex, KernelPhase phase, Status status, ReadOnlySpan<byte> message);
}
