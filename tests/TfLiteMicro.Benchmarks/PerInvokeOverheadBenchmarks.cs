using BenchmarkDotNet.Attributes;
using TfLiteMicro.Host;
using TfLiteMicro.Testing;

namespace TfLiteMicro.Benchmarks;

/// <summary>
/// The interpreter's fixed cost per Invoke, on TFLM's hello_world (three FULLY_CONNECTED nodes on vectors of 1 and 16,
/// ~300 multiply-accumulates): what remains is node dispatch, tensor lookup and per-call set-up. No profiler is
/// attached (as in an application). Compare with TFLM on the same machine:
///   ../shared/anchors/tflm-runner/tflm-reference run MODEL --io DIR --cases 1   (median_us, min_us)
/// docs/performance.md records both side by side.
/// </summary>
[MemoryDiagnoser]
public class PerInvokeOverheadBenchmarks
{
    private InferenceSession? session;

    [Params("hello_world_int8", "hello_world_float")]
    public string Model { get; set; } = "hello_world_int8";

    [GlobalSetup]
    public void Setup()
    {
        session = InferenceSession.Open(TestData.ModelFile(Model));
        session.Input(0).SetFloats([1.0f]);
    }

    [GlobalCleanup]
    public void Cleanup() => session?.Dispose();

    [Benchmark(Description = "Invoke")]
    public Status Invoke() => session!.Interpreter.Invoke();
}
