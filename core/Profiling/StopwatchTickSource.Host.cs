using System.Diagnostics;

namespace TfLiteMicro.Profiling;

/// <summary>The host's high-resolution timer.</summary>
public sealed class StopwatchTickSource : TickSource
{
    public static readonly StopwatchTickSource Instance = new StopwatchTickSource();

    public override long Ticks => Stopwatch.GetTimestamp();

    public override long TicksPerSecond => Stopwatch.Frequency;
}
