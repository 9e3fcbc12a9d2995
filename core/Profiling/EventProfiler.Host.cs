using System.Text;

namespace TfLiteMicro.Profiling;

// Host-only: tags by string.
public sealed partial class EventProfiler
{
    /// <summary>Sum of the ticks of every event whose operator is named <paramref name="tag"/>.</summary>
    public long TicksForTag(string tag) => TicksForTag(Encoding.UTF8.GetBytes(tag));
}
