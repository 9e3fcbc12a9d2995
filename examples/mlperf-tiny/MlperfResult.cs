using System;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>What one benchmark run produced, next to the output TFLM produced for the same input.</summary>
public sealed class MlperfResult
{
    internal MlperfResult(MlperfBenchmark benchmark, sbyte[] output, sbyte[] golden, int topIndex, float topProbability,
        float anomalyScore, int arenaUsedBytes)
    {
        Benchmark = benchmark;
        Output = output;
        Golden = golden;
        TopIndex = topIndex;
        TopProbability = topProbability;
        AnomalyScore = anomalyScore;
        ArenaUsedBytes = arenaUsedBytes;
    }

    public MlperfBenchmark Benchmark { get; }

    /// <summary>The raw int8 output tensor.</summary>
    public sbyte[] Output { get; }

    /// <summary>TFLM's output for the same input (the golden).</summary>
    public sbyte[] Golden { get; }

    public bool MatchesGolden => Output.AsSpan().SequenceEqual(Golden);

    /// <summary>Index of the most probable class (first one on ties); -1 when the output is not a classification.</summary>
    public int TopIndex { get; }

    public string? TopLabel => TopIndex >= 0 && Benchmark.Labels != null ? Benchmark.Labels[TopIndex] : null;

    /// <summary>The top class's dequantized softmax output.</summary>
    public float TopProbability { get; }

    /// <summary>Anomaly detection only: mean squared error between the input and its reconstruction (real units).</summary>
    public float AnomalyScore { get; }

    /// <summary>Head + tail bytes of the arena in use (TFLM's arena_used_bytes()).</summary>
    public int ArenaUsedBytes { get; }

    public string Describe() => TopLabel != null
        ? TopLabel + " (p = " + TopProbability.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + ")"
        : "anomaly score " + AnomalyScore.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) + " (mean squared reconstruction error)";
}
