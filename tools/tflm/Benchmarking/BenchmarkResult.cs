using System.Collections.Generic;

namespace TfLiteMicro.Tools.Benchmarking;

/// <summary>What <c>tflm bench</c> measured for one model and kernel set.</summary>
public sealed class BenchmarkResult
{
    public required string Model { get; init; }
    public required string Kernels { get; init; }
    public required int Iterations { get; init; }
    public required double WarmupSeconds { get; init; }
    public required int WarmupInvokes { get; init; }
    public required bool InputsFromFiles { get; init; }
    public required double MedianMicroseconds { get; init; }
    public required double MinMicroseconds { get; init; }
    public required double MeanMicroseconds { get; init; }
    public required int ArenaBytes { get; init; }
    public required IReadOnlyList<OperatorTiming> Operators { get; init; }
}

/// <summary>Time spent in one operator type per Invoke (summed over its nodes), from the profiler.</summary>
public sealed class OperatorTiming
{
    public required string Name { get; init; }
    public required int Nodes { get; init; }
    public required double MicrosecondsPerInvoke { get; init; }
    public required double Share { get; init; }
}
