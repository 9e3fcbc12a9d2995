using System;
using System.Collections.Generic;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>
/// One MLPerf Tiny benchmark: which int8 model, the ops it needs (registered explicitly, nothing else), the
/// arena the example reserves for it and the class labels of its output (none for anomaly detection, whose
/// output is the reconstructed input).
/// </summary>
public sealed class MlperfBenchmark
{
    internal MlperfBenchmark(string id, string title, int arenaBytes, int tflmArenaBytes, IReadOnlyList<string>? labels, Func<OpResolver, Status> registerOps)
    {
        Id = id;
        Title = title;
        ArenaBytes = arenaBytes;
        TflmArenaBytes = tflmArenaBytes;
        Labels = labels;
        RegisterOps = registerOps;
    }

    /// <summary>The model's id in tests/data/models, also the name of its files under data/.</summary>
    public string Id { get; }

    public string Title { get; }

    public int ArenaBytes { get; }

    /// <summary>TFLM's arena_used_bytes() for the model on a 64-bit host (tests/data/anchors), for comparison.</summary>
    public int TflmArenaBytes { get; }

    /// <summary>Output class names in output order; null when the output is not a classification.</summary>
    public IReadOnlyList<string>? Labels { get; }

    internal Func<OpResolver, Status> RegisterOps { get; }

    public string ModelResource => Id + ".tflite";

    public string GoldenInputResource => Id + "_case0_in0.npy";

    public string GoldenOutputResource => Id + "_case0_out0.npy";
}
