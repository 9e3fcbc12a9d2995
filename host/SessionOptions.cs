using TfLiteMicro.Profiling;

namespace TfLiteMicro.Host;

/// <summary>How an <see cref="InferenceSession"/> is set up; every property has a sensible default.</summary>
public sealed class SessionOptions
{
    /// <summary>
    /// The kernels to run with. Default: every reference kernel (<c>ReferenceKernels.AddAll</c>). For a port, pass a
    /// resolver after its <c>AddAll</c> (e.g. <c>X86SimdKernels.AddAll(resolver)</c>).
    /// </summary>
    public OpResolver? Resolver { get; set; }

    /// <summary>
    /// The arena size in bytes. Default (null): exactly what the model needs, measured by a trial allocation
    /// (<see cref="InferenceSession.RequiredArenaBytes"/>).
    /// </summary>
    public int? ArenaBytes { get; set; }

    /// <summary>Keep every intermediate tensor readable after Run (costs arena; for debugging).</summary>
    public bool PreserveAllTensors { get; set; }

    /// <summary>A profiler that receives one event per operator invocation.</summary>
    public MicroProfiler? Profiler { get; set; }
}
