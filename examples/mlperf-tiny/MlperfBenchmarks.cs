using System.Collections.Generic;
using TfLiteMicro.Kernels.Reference;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>
/// The four MLPerf Tiny inference benchmarks on their int8 reference models (mlcommons/tiny), each with the
/// operators it needs and nothing else. The arenas leave some room above what the models use.
/// </summary>
public static class MlperfBenchmarks
{
    /// <summary>DS-CNN over 49 frames × 10 MFCCs of one second of speech; 12 classes.</summary>
    public static readonly MlperfBenchmark KeywordSpotting = new MlperfBenchmark(
        "mlperf_kws_int8", "keyword spotting (DS-CNN)", 32 * 1024, tflmArenaBytes: 24000,
        ["down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes", "silence", "unknown"],
        RegisterMobileNetOps);

    /// <summary>MobileNetV1 (0.25) on a 96×96 RGB image: is there a person?</summary>
    public static readonly MlperfBenchmark VisualWakeWords = new MlperfBenchmark(
        "mlperf_vww_int8", "visual wake words (MobileNetV1 0.25)", 128 * 1024, tflmArenaBytes: 103392,
        ["no person", "person"],
        RegisterMobileNetOps);

    /// <summary>ResNet-8 on a 32×32 RGB CIFAR-10 image; 10 classes.</summary>
    public static readonly MlperfBenchmark ImageClassification = new MlperfBenchmark(
        "mlperf_ic_int8", "image classification (ResNet-8)", 72 * 1024, tflmArenaBytes: 55712,
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
        RegisterResNetOps);

    /// <summary>FC autoencoder over 640 log-mel values (ToyCar); the score is how badly it reconstructs them.</summary>
    public static readonly MlperfBenchmark AnomalyDetection = new MlperfBenchmark(
        "mlperf_ad_int8", "anomaly detection (FC autoencoder)", 8 * 1024, tflmArenaBytes: 3424,
        labels: null,
        resolver => resolver.AddFullyConnected());

    /// <summary>In MLPerf Tiny's order: KWS, VWW, IC, AD.</summary>
    public static IReadOnlyList<MlperfBenchmark> All { get; } = [KeywordSpotting, VisualWakeWords, ImageClassification, AnomalyDetection];

    /// <summary>By model id (<c>mlperf_kws_int8</c>) or short name (<c>kws</c>).</summary>
    public static MlperfBenchmark? Find(string name)
    {
        foreach (MlperfBenchmark benchmark in All)
        {
            if (benchmark.Id == name || benchmark.Id == "mlperf_" + name + "_int8") return benchmark;
        }
        return null;
    }

    /// <summary>KWS and VWW share their op set: depthwise-separable convolutions, pooling, a classifier.</summary>
    private static Status RegisterMobileNetOps(OpResolver resolver)
    {
        Status status = resolver.AddConv2D();
        if (status == Status.Ok) status = resolver.AddDepthwiseConv2D();
        if (status == Status.Ok) status = resolver.AddAveragePool2D();
        if (status == Status.Ok) status = resolver.AddFullyConnected();
        if (status == Status.Ok) status = resolver.AddReshape();
        if (status == Status.Ok) status = resolver.AddSoftmax();
        return status;
    }

    /// <summary>ResNet-8: convolutions with residual ADDs, then pooling and a classifier.</summary>
    private static Status RegisterResNetOps(OpResolver resolver)
    {
        Status status = resolver.AddConv2D();
        if (status == Status.Ok) status = resolver.AddAdd();
        if (status == Status.Ok) status = resolver.AddAveragePool2D();
        if (status == Status.Ok) status = resolver.AddFullyConnected();
        if (status == Status.Ok) status = resolver.AddReshape();
        if (status == Status.Ok) status = resolver.AddSoftmax();
        return status;
    }
}
