using System.Text;

namespace TfLiteMicro.Memory;

// Host-only: names as strings.
public sealed partial class ArenaUsageReport
{
    /// <summary><see cref="Name"/> as a string.</summary>
    public static string NameText(AllocationCategory category) => Encoding.UTF8.GetString(Name(category));
}
