using System;

namespace TfLiteMicro.Fuzz;

/// <summary>
/// What happened to a mutant with one kernel set. The first four are fine (a clear Status); the rest are findings.
/// <see cref="Crash"/> and <see cref="Hang"/> are decided by the campaign from outside the worker process.
/// </summary>
public enum Outcome
{
    RejectedAtLoad,
    RejectedAtAllocate,
    RejectedAtInvoke,
    Ran,
    /// <summary>
    /// Invoke allocated, but a fresh interpreter over the same model did not: the runtime compiled or initialized
    /// something on first use in this process (generic instantiations, boxed statics). Not a finding — a device runs
    /// ahead-of-time compiled code with preinitialized statics — but counted, to keep an eye on it.
    /// </summary>
    FirstUseAllocation,
    EscapedException,
    Allocation,
    Crash,
    Hang,
    /// <summary>An earlier kernel set crashed or hung the worker, so this one did not run on the mutant.</summary>
    NotRun,
}

public static class Outcomes
{
    public static readonly Outcome[] All = (Outcome[])Enum.GetValues(typeof(Outcome));

    public static bool IsFinding(Outcome outcome) => outcome >= Outcome.EscapedException && outcome != Outcome.NotRun;

    public static string Label(Outcome outcome) => outcome switch
    {
        Outcome.RejectedAtLoad => "rejected at load",
        Outcome.RejectedAtAllocate => "rejected at allocate",
        Outcome.RejectedAtInvoke => "rejected at invoke",
        Outcome.Ran => "ran",
        Outcome.FirstUseAllocation => "ran, JIT on first use",
        Outcome.EscapedException => "escaped exception",
        Outcome.Allocation => "allocation in Invoke",
        Outcome.Crash => "crash",
        Outcome.Hang => "hang",
        Outcome.NotRun => "not run (worker died)",
        _ => outcome.ToString(),
    };

    public static string Code(Outcome outcome) => ((int)outcome).ToString();

    public static Outcome Parse(string code) => (Outcome)int.Parse(code);
}

/// <summary>The outcome of one kernel set and, for findings, what identifies it (exception type and throw site, bytes).</summary>
public readonly record struct KernelSetResult(Outcome Outcome, string Detail)
{
    /// <summary>Groups findings: one per distinct outcome and site.</summary>
    public string Signature => Outcome + " " + Detail;
}
