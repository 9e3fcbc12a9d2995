using System.Text;
using System;
using System.Collections.Generic;
using TfLiteMicro.Memory;
using TfLiteMicro.Schema;
using TfLiteMicro.Tools.Models;

namespace TfLiteMicro.Tools.Inspection;

/// <summary>
/// Whether each operator node of a model runs with a resolver, and if not, exactly why — found by binding,
/// initializing and preparing every node in a throw-away interpreter (<see cref="MicroInterpreter.CheckOperators"/>),
/// which carries on past failures so one run names every problem.
/// </summary>
public sealed class OperatorVerdicts : OperatorCheckSink
{
    public const string SupportedVerdict = "supported";

    private readonly Dictionary<(int Subgraph, int Node), string> reasons = new();
    private readonly HashSet<(int Subgraph, int Node)> supported = new();

    private OperatorVerdicts()
    {
    }

    /// <summary>Set when the check itself could not finish (e.g. the trial arena was too small); nodes it did not reach have no verdict.</summary>
    public string? CheckError { get; private set; }

    public static unsafe OperatorVerdicts Check(Model model, OpResolver resolver, int trialBytes = 16 * 1024 * 1024)
    {
        var verdicts = new OperatorVerdicts { model = model, everyKernel = ReferenceResolver.Create() };
        using var arena = new NativeArena(trialBytes);
        var interpreter = new MicroInterpreter(model, resolver, arena.Pointer, arena.Size);
        try
        {
            Status status = interpreter.CheckOperators(verdicts);
            if (status != Status.Ok && status != Status.UnsupportedOperator) verdicts.CheckError = status + ": " + interpreter.Errors.MessageText;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Preparing a node after an earlier one failed can leave a kernel in a state it never sees in a real run.
            verdicts.CheckError = "a kernel failed unexpectedly during the check (" + e.GetType().Name + ": " + e.Message + ")";
        }
        return verdicts;
    }

    private Model model;
    private OpResolver? everyKernel;

    /// <summary>"supported", or the reason the node cannot run ("not checked: ..." when the check did not reach it).</summary>
    public string For(int subgraph, int node)
    {
        if (supported.Contains((subgraph, node))) return SupportedVerdict;
        if (reasons.TryGetValue((subgraph, node), out string? reason)) return reason;
        return "not checked: " + (CheckError ?? "no verdict");
    }

    public override void Supported(int subgraphIndex, int nodeIndex) => supported.Add((subgraphIndex, nodeIndex));

    public override void NotRegistered(int subgraphIndex, int nodeIndex, ReadOnlySpan<byte> message)
    {
        // Missing from the resolver checked, or from TfLiteMicro altogether? Only the latter is final.
        OperatorCode code = model.GetOperatorCode(model.GetSubgraph(subgraphIndex).GetOperator(nodeIndex).OpcodeIndex);
        string reason = Encoding.UTF8.GetString(message);
        string notRegistered = Encoding.UTF8.GetString(MicroInterpreter.NotRegisteredPrefix);
        if (everyKernel != null && !ReferenceResolver.Supports(everyKernel, code) && reason.StartsWith(notRegistered, StringComparison.Ordinal))
            reason = "not provided by TfLiteMicro: " + reason.Substring(notRegistered.Length);
        reasons[(subgraphIndex, nodeIndex)] = reason;
    }

    public override void Rejected(int subgraphIndex, int nodeIndex, KernelPhase phase, Status status, ReadOnlySpan<byte> message) =>
        reasons[(subgraphIndex, nodeIndex)] = (phase == KernelPhase.Init ? "refused at Init: " : "refused at Prepare: ") + Encoding.UTF8.GetString(message);
}
