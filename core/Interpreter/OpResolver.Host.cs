using System.Text;

namespace TfLiteMicro;

// Host-only conveniences: custom operators named by a string.
public sealed partial class OpResolver
{
    /// <summary>Registers a custom operator by name (host convenience for <see cref="AddCustom(System.ReadOnlySpan{byte}, OpKernel)"/>).</summary>
    public Status AddCustom(string name, OpKernel kernel) => AddCustom(Encoding.UTF8.GetBytes(name), kernel);

    /// <summary>Adds or replaces a custom operator's kernel, by name.</summary>
    public Status OverrideCustom(string name, OpKernel kernel) => OverrideCustom(Encoding.UTF8.GetBytes(name), kernel);

    /// <summary>The slot of a custom operator, or −1.</summary>
    public int FindCustom(string name) => FindCustom(Encoding.UTF8.GetBytes(name));
}
