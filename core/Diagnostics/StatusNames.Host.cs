using System.Text;

namespace TfLiteMicro;

// Host-only: names as strings.
public static partial class StatusNames
{
    /// <summary><see cref="Name"/> as a string.</summary>
    public static string NameText(Status status) => Encoding.UTF8.GetString(Name(status));
}
