using System;
using System.Collections.Generic;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.Models;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Tools.Planning;

/// <summary>One tensor the planner placed in the arena's head: where, how big, and between which steps it lives.</summary>
public sealed class PlannedTensor
{
    public required int Subgraph { get; init; }
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required int[] Shape { get; init; }
    public required int Offset { get; init; }
    public required int Bytes { get; init; }
    public required int FirstStep { get; init; }
    public required int LastStep { get; init; }
}

/// <summary>One step of the plan's time axis: an operator node (subgraph inputs are created at step 0).</summary>
public sealed class PlanStep
{
    public required int Step { get; init; }
    public required int Subgraph { get; init; }
    public required int Operator { get; init; }
    public required string Op { get; init; }
}

/// <summary>
/// The memory plan of an allocated model (<c>tflm plan</c>): every non-constant tensor placed in the arena's head with
/// its offset (from the interpreter's committed addresses) and its lifetime in operator steps (as the interpreter's
/// planner sets them: subgraph inputs from the subgraph's start, a tensor an operator writes from that operator's step
/// (a subgraph output too) to its last use or the subgraph's end, each operator a new step, control-flow operators plan the subgraphs they call inside their own steps). Scratch buffers share the head
/// too but are not tensors, so they are counted, not listed.
/// </summary>
public sealed class MemoryPlan
{
    public required string Model { get; init; }
    public required string Kernels { get; init; }
    public required int RequiredBytes { get; init; }
    public required int UsedBytes { get; init; }
    public required int HeadBytes { get; init; }
    public required int TailBytes { get; init; }

    /// <summary>Kernels' repacked weights, part of the tail (a port such as x86-simd; 0 for the reference kernels).</summary>
    public required int WeightsBytes { get; init; }
    public required IReadOnlyList<PlanStep> Steps { get; init; }
    public required IReadOnlyList<PlannedTensor> Tensors { get; init; }

    /// <summary>The step count (the time axis runs 0 .. StepCount - 1).</summary>
    public int StepCount => Steps.Count == 0 ? 1 : Steps[^1].Step + 1;

    public static unsafe MemoryPlan Create(string modelPath, string kernels)
    {
        using ModelRunner runner = ModelRunner.Open(modelPath, ModelRunner.DefaultArenaBytes, preserveAllTensors: false, kernels);
        MicroInterpreter interpreter = runner.Interpreter;
        Model model = interpreter.Model;
        var lifetimes = new Lifetimes(model);
        lifetimes.Walk(0, 0);

        byte* head = interpreter.Allocator.Arena.HeadStart;
        int headBytes = interpreter.ArenaUsage.HeadBytes;
        var tensors = new List<PlannedTensor>();
        for (int s = 0; s < model.SubgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            for (int t = 0; t < subgraph.TensorCount; t++)
            {
                TensorInfo info = interpreter.GetTensor(t, s);
                if (info.IsConstant || info.Data == null) continue;
                long offset = (byte*)info.Data - head;
                if (offset < 0 || offset >= headBytes) continue;   // variable tensors and others in the tail
                (int first, int last) = lifetimes.Of(s, t);
                tensors.Add(new PlannedTensor
                {
                    Subgraph = s,
                    Index = t,
                    Name = ModelText.ToText(subgraph.GetTensor(t).Name),
                    Type = TensorTypes.NameText(info.Type),
                    Shape = info.Shape.ToArray(),
                    Offset = (int)offset,
                    Bytes = info.ByteCount,
                    FirstStep = Math.Max(0, first),
                    LastStep = Math.Max(Math.Max(0, first), last),
                });
            }
        }
        tensors.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : a.FirstStep.CompareTo(b.FirstStep));
        return new MemoryPlan
        {
            Model = modelPath,
            Kernels = kernels,
            RequiredBytes = interpreter.ArenaRequiredBytes,
            UsedBytes = interpreter.ArenaUsedBytes,
            HeadBytes = headBytes,
            TailBytes = interpreter.ArenaUsage.TailBytes,
            WeightsBytes = interpreter.WeightsBytes,
            Steps = lifetimes.Steps,
            Tensors = tensors,
        };
    }

    /// <summary>The interpreter's lifetime rules (MicroInterpreter.MarkAllocationLifetimes) over the whole model.</summary>
    private sealed class Lifetimes
    {
        private readonly Model model;
        private readonly (int First, int Last)[][] spans;
        private readonly List<PlanStep> steps = new List<PlanStep>();
        private int scope;

        public Lifetimes(Model model)
        {
            this.model = model;
            spans = new (int, int)[model.SubgraphCount][];
            for (int s = 0; s < spans.Length; s++)
            {
                spans[s] = new (int, int)[model.GetSubgraph(s).TensorCount];
                Array.Fill(spans[s], (-1, -1));
            }
        }

        public IReadOnlyList<PlanStep> Steps => steps;

        public (int First, int Last) Of(int subgraph, int tensor) => spans[subgraph][tensor];

        public void Walk(int subgraphIndex, int depth)
        {
            if (depth > model.SubgraphCount) return;   // a cycle: the interpreter refuses such models
            SubGraph subgraph = model.GetSubgraph(subgraphIndex);
            (int First, int Last)[] local = spans[subgraphIndex];
            // As the interpreter: a subgraph walked before (called from several nodes) keeps its first lifetimes and
            // extends them; on the first walk each creation (re)starts a lifetime, so a subgraph output that an
            // operator writes lives from that operator to the subgraph's end.
            bool revisit = Array.Exists(local, span => span.First >= 0);
            foreach (int t in subgraph.Inputs.AsSpan()) Created(local, t, revisit);
            foreach (int t in subgraph.Outputs.AsSpan()) Created(local, t, revisit);
            for (int n = 0; n < subgraph.OperatorCount; n++)
            {
                scope++;
                Operator op = subgraph.GetOperator(n);
                steps.Add(new PlanStep { Step = scope, Subgraph = subgraphIndex, Operator = n, Op = ModelText.OperatorName(model.GetOperatorCode(op.OpcodeIndex)) });
                foreach (int t in op.Outputs.AsSpan()) Created(local, t, revisit);
                WalkCallees(op, depth);
                foreach (int t in op.Inputs.AsSpan()) Used(local, t);
                foreach (int t in op.Outputs.AsSpan()) Used(local, t);
            }
            foreach (int t in subgraph.Outputs.AsSpan()) Used(local, t);
        }

        private void WalkCallees(Operator op, int depth)
        {
            BuiltinOperator code = model.GetOperatorCode(op.OpcodeIndex).BuiltinCode;
            if (code is not (BuiltinOperator.IF or BuiltinOperator.WHILE or BuiltinOperator.CALL_ONCE)) return;
            int first = op.BuiltinOptions.GetScalar<int>(0, -1);
            int second = code == BuiltinOperator.CALL_ONCE ? -1 : op.BuiltinOptions.GetScalar<int>(1, -1);
            foreach (int callee in new[] { first, second })
            {
                if ((uint)callee >= (uint)model.SubgraphCount) continue;
                scope++;
                Walk(callee, depth + 1);
            }
        }

        private void Created((int First, int Last)[] local, int tensor, bool revisit)
        {
            if ((uint)tensor >= (uint)local.Length) return;
            if (revisit && local[tensor].First >= 0)
            {
                if (local[tensor].Last < scope) local[tensor].Last = scope;
                return;
            }
            local[tensor] = (scope, scope);
        }

        private void Used((int First, int Last)[] local, int tensor)
        {
            if ((uint)tensor >= (uint)local.Length) return;
            if (local[tensor].First < 0) local[tensor].First = scope;
            local[tensor].Last = scope;
        }
    }
}
