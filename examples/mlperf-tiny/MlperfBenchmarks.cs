using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>The four MLPerf Tiny inference benchmarks on their int8 reference models (mlcommons/tiny).</summary>
public static partial class MlperfBenchmarks
{
    /// <summary>FC autoencoder over 640 log-mel values (ToyCar); the score is how badly it reconstructs them.</summary>
    public static readonly MlperfBenchmark AnomalyDetection = new MlperfBenchmark(
        "mlperf_ad_int8", "anomaly detection (FC autoencoder)", 8 * 1024, tflmArenaBytes: 3424, labels: null,
        registerOps: resolver => resolver.AddFullyConnected());

    /// <summary>Every benchmark whose kernels this build has, in MLPerf Tiny's order (KWS, VWW, IC, AD).</summary>
    public static IReadOnlyList<MlperfBenchmark> All
    {
        get
        {
            var all = new List<MlperfBenchmark>();
            AddConvolutionalBenchmarks(all);
            all.Add(AnomalyDetection);
            return all;
        }
    }

    public static MlperfBenchmark? Find(string name)
    {
        foreach (MlperfBenchmark benchmark in All)
        {
            if (benchmark.Id == name || benchmark.Id == "mlperf_" + name + "_int8") return benchmark;
        }
        return null;
    }

    static partial void AddConvolutionalBenchmarks(List<MlperfBenchmark> all);
}
