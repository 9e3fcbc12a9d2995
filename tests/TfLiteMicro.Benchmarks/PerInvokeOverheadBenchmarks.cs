using BenchmarkDotNet.Attributes;
using TfLiteMicro.Host;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Benchmarks;

/// <summary>
/// The interpreter's fixed cost per Invoke, on TFLM's hello_world (three FULLY_CONNECTED nodes on vectors of 1 and 16,
/// ~300 multiply-accumulates): what remains is node dispatch, tensor lookup and per-call set-up. No profiler is
/// attached (as in an application) unless <see cref="Profiler"/> is true: then a profiler that reads the clock around
/// every node (what <c>tflm bench</c> did when it timed profiled runs) shows what attaching one costs, and the
/// difference shows that a detached profiler costs only the interpreter's null check. Compare with TFLM on the same machine:
///   ../shared/anchors/tflm-runner/tflm-reference run MODEL --io DIR --cases 1   (median_us, min_us)
/// docs/performance.md records both side by side.
/// </summary>
[MemoryDiagnoser]
public class PerInvokeOverheadBenchmarks
{
    private InferenceSession? session;

    [Params("hello_world_int8", "hello_world_float")]
    public string Model { get; set; } = "hello_world_int8";

    [Params(false, true)]
    public bool Profiler { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        session = InferenceSession.Open(TestData.ModelFile(Model), new SessionOptions
        {
            Profiler = Profiler ? new ClockProfiler() : null,
            ArenaBytes = 8192,   // ample; the arena's size does not change what Invoke does
        });
        session.Input(0).SetFloats([1.0f]);
    }

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();

    [Benchmark(Description = "Invoke")]
    public Status Invoke() => session!.Interpreter.Invoke();
}

/// <summary>Two clock reads per node, summed per run: the least a timing profiler does.</summary>
internal sealed class ClockProfiler : TfLiteMicro.Profiling.MicroProfiler
{
    private long start;
    public long Ticks { get; private set; }

    public override int BeginEvent(TfLiteMicro.OperatorName tag)
    {
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        return 0;
    }

    public override void EndEvent(int handle) => Ticks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
}
