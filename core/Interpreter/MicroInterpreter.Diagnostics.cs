using System;
using TfLiteMicro.Schema;

namespace TfLiteMicro;

// Diagnostics: CheckOperators runs the steps of AllocateTensors up to every node's Prepare, but carries on past a
// failing node, so one call names every operator the model cannot run with this resolver (what `tflm inspect`
// shows). AllocateTensors stops at the first failure instead, because a half-prepared model cannot be planned.
public sealed unsafe partial class MicroInterpreter
{
    /// <summary>
    /// Binds, initializes and prepares every node of every subgraph with the resolver's kernels and tells
    /// <paramref name="sink"/> for each node whether it is supported, missing from the resolver, or refused by its
    /// kernel's Init or Prepare (with the kernel's message). A node after a failing one is still prepared; it may
    /// then fail because of the earlier failure, and that is reported as its kernel says it.
    /// Only for a fresh interpreter: the check leaves it unusable (no memory plan, kernels half-prepared), so
    /// AllocateTensors and Invoke fail afterwards; create a new interpreter to run the model.
    /// Returns Ok when every node is supported, <see cref="Status.UnsupportedOperator"/> (message: how many nodes
    /// are not) when the check completed and some node is not, and any other status when the check itself could
    /// not complete (arena too small, wrong state); then nodes not reached yet were not reported to the sink.
    /// </summary>
    public Status CheckOperators(OperatorCheckSink sink)
    {
        if (state != State.Created)
            return Errors.Fail(Status.InvalidState, "CheckOperators needs a fresh interpreter: no AllocateTensors or earlier check"u8);
        state = State.Failed;
        Errors.Clear();
        if (!allocator.BeginModelAllocation()) return Errors.Fail(Status.InvalidState, "another model is being allocated on this allocator"u8);
        int unsupported = 0;
        Status status = CheckAllOperators(sink, ref unsupported);
        allocator.EndModelAllocation();
        allocator.RefreshReport();
        if (status != Status.Ok) return status;
        if (unsupported == 0)
        {
            Errors.Clear();
            return Status.Ok;
        }
        int nodeTotal = 0;
        for (int s = 0; s < subgraphCount; s++) nodeTotal += subgraphs[s].NodeCount;
        return Errors.Fail(Status.UnsupportedOperator, ""u8).Append(unsupported).Append(" of "u8).Append(nodeTotal)
            .Append(" operator nodes cannot run with this op resolver"u8);
    }

    private Status CheckAllOperators(OperatorCheckSink sink, ref int unsupported)
    {
        Status status = StartModelAllocation();
        if (status != Status.Ok) return status;
        status = CreateResourceVariables();
        if (status != Status.Ok) return status;

        // A node that fails a phase gets KernelSlot -1, so later phases skip it: it has had its one report.
        for (int s = 0; s < subgraphCount; s++)
        {
            SubGraph subgraph = model.GetSubgraph(s);
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                Operator op = subgraph.GetOperator(n);
                OperatorCode code = model.GetOperatorCode(op.OpcodeIndex);
                bool isCustom = code.BuiltinCode == BuiltinOperator.CUSTOM;
                int slot = isCustom ? resolver.FindCustom(code.CustomCode) : resolver.FindBuiltin(code.BuiltinCode);
                Node* node = &sub->Nodes[n];
                node->KernelSlot = -1;
                if (slot < 0)
                {
                    DescribeMissingKernel(code);
                    sink.NotRegistered(s, n, Errors.Message);
                    unsupported++;
                }
                else if (!isCustom && op.CustomOptionsLength > 0)
                {
                    Errors.Fail(Status.MalformedModel, "a builtin operator must not carry custom options"u8);
                    sink.Rejected(s, n, KernelPhase.Init, Status.MalformedModel, Errors.Message);
                    unsupported++;
                }
                else
                {
                    node->KernelSlot = slot;
                }
            }
        }

        context.SetPhase(KernelPhase.Init);
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                ref Node node = ref sub->Nodes[n];
                if (node.KernelSlot < 0) continue;
                currentSubgraph = s;
                currentNode = n;
                Errors.Clear();
                status = resolver.GetKernel(node.KernelSlot).Init(context, ref node);
                if (status == Status.Ok) continue;
                ReportRejected(sink, ref node, KernelPhase.Init, status);
                unsupported++;
            }
        }

        // The same per-node steps as the Prepare loop of AllocateTensors.
        context.SetPhase(KernelPhase.Prepare);
        scratchRequests = (ScratchRequest*)allocator.Arena.HeadStart;
        scratchCount = 0;
        for (int s = 0; s < subgraphCount; s++)
        {
            SubgraphAllocation* sub = &subgraphs[s];
            for (int n = 0; n < sub->NodeCount; n++)
            {
                ref Node node = ref sub->Nodes[n];
                if (node.KernelSlot < 0) continue;
                currentSubgraph = s;
                currentNode = n;
                status = ReserveScratchRequests();
                if (status != Status.Ok) return status;
                Errors.Clear();
                status = PrepareNode(ref node);
                if (status == Status.Ok)
                {
                    sink.Supported(s, n);
                    continue;
                }
                ReportRejected(sink, ref node, KernelPhase.Prepare, status);
                unsupported++;
            }
        }
        Errors.Clear();
        return Status.Ok;
    }

    private void DescribeMissingKernel(OperatorCode code)
    {
        Errors.Fail(Status.UnsupportedOperator, NotRegisteredPrefix);
        AppendOperator(code);
    }

    /// <summary>Start of the message for an operator missing from the resolver (the operator's name follows).</summary>
    public static ReadOnlySpan<byte> NotRegisteredPrefix => "not registered in the op resolver: "u8;

    private void ReportRejected(OperatorCheckSink sink, ref Node node, KernelPhase phase, Status status)
    {
        if (Errors.Message.Length == 0) Errors.Fail(status, "failed without a message"u8);
        sink.Rejected(node.SubgraphIndex, node.OperatorIndex, phase, status, Errors.Message);
        node.KernelSlot = -1;
    }
}
