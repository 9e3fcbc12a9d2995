using System.Text;

namespace TfLiteMicro;

// Host-only: names as strings.
public static partial class TensorTypes
{
    /// <summary><see cref="Name"/> as a string ("INT8").</summary>
    public static string NameText(TensorType type) => Encoding.UTF8.GetString(Name(type));
}
