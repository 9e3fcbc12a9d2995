using BenchmarkDotNet.Attributes;
using TfLiteMicro.Testing;
using TfLiteMicro.Ports;
using TfLiteMicro.Tools.Running;

namespace TfLiteMicro.Benchmarks;

/// <summary>
/// One Invoke of a whole shared model: the MLPerf Tiny int8 models (KWS, VWW, IC, AD), person_detect and
/// micro_speech, with the reference kernels as the baseline and the x86-simd port beside it, so the Ratio column is
/// the port's speed-up. Inputs stay as allocated (zeros): timing, not results, is measured here; correctness is the
/// golden tests' job.
/// </summary>
[MemoryDiagnoser]
public class ModelInvokeBenchmarks
{
    private ModelRunner? reference;
    private ModelRunner? port;

    [Params("mlperf_kws_int8", "mlperf_vww_int8", "mlperf_ic_int8", "mlperf_ad_int8", "person_detect", "micro_speech_quantized")]
    public string Model { get; set; } = "mlperf_kws_int8";

    [GlobalSetup]
    public void Setup()
    {
        string path = TestData.ModelFile(Model);
        reference = ModelRunner.Open(path, kernels: KernelSets.Reference.Name);
        port = ModelRunner.Open(path, kernels: KernelSets.X86Simd.Name);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        reference?.Dispose();
        port?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "reference")]
    public void Reference() => reference!.Invoke();

    [Benchmark(Description = "x86-simd")]
    public void X86Simd() => port!.Invoke();
}
