using TfLiteMicro.Profiling;

namespace TfLiteMicro.BareMetal;

/// <summary>The board's tick counter (<see cref="DeviceTimer"/>) as the profiler's clock.</summary>
public sealed class DeviceTickSource : TickSource
{
    public override long Ticks => (long)DeviceTimer.Ticks;

    public override long TicksPerSecond => DeviceTimer.TicksPerSecond;
}
