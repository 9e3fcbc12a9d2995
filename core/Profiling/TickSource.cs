namespace TfLiteMicro.Profiling;

/// <summary>A platform clock: the host uses the high-resolution timer, a board its SysTick or cycle counter.</summary>
public abstract class TickSource
{
    public abstract long Ticks { get; }

    public abstract long TicksPerSecond { get; }
}
