using System;

namespace TfLiteMicro.Profiling;

/// <summary>
/// Records up to a fixed number of events (tag, start, end ticks) in arrays allocated up front, like TFLM's
/// MicroProfiler. Events beyond the capacity are counted as dropped rather than stopping the program.
/// </summary>
public sealed partial class EventProfiler : MicroProfiler
{
    public const int DefaultCapacity = 4096;

    private readonly TickSource clock;
    private readonly OperatorName[] tags;
    private readonly long[] starts;
    private readonly long[] ends;
    private int count;

    public EventProfiler(TickSource clock, int capacity = DefaultCapacity)
    {
        this.clock = clock;
        tags = new OperatorName[capacity];
        starts = new long[capacity];
        ends = new long[capacity];
    }

    public TickSource Clock => clock;
    public int EventCount => count;
    public int DroppedEvents { get; private set; }

    public override int BeginEvent(OperatorName tag)
    {
        if (count == tags.Length)
        {
            DroppedEvents++;
            return -1;
        }
        tags[count] = tag;
        starts[count] = clock.Ticks;
        ends[count] = starts[count];
        return count++;
    }

    public override void EndEvent(int handle)
    {
        if (handle >= 0) ends[handle] = clock.Ticks;
    }

    public OperatorName GetTag(int index) => tags[index];
    public long GetTicks(int index) => ends[index] - starts[index];

    public long TotalTicks
    {
        get
        {
            long total = 0;
            for (int i = 0; i < count; i++) total += ends[i] - starts[i];
            return total;
        }
    }

    /// <summary>Sum of the ticks of every event with this tag (per-op breakdown).</summary>
    public long TicksForTag(ReadOnlySpan<byte> tag)
    {
        long total = 0;
        for (int i = 0; i < count; i++)
        {
            if (tags[i].Is(tag)) total += ends[i] - starts[i];
        }
        return total;
    }

    public void Clear()
    {
        count = 0;
        DroppedEvents = 0;
    }
}
