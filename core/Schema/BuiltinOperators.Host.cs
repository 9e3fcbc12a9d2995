using System.Text;

namespace TfLiteMicro.Schema;

// Host-only: names as strings.
public static partial class BuiltinOperators
{
    /// <summary><see cref="Name"/> as a string.</summary>
    public static string NameText(BuiltinOperator op) => Encoding.UTF8.GetString(Name(op));
}
