using System.Text;

namespace TfLiteMicro.Schema;

// Host-only conveniences.
public readonly unsafe partial struct Model
{
    /// <summary>Looks up a metadata buffer by name (host convenience for the UTF-8 overload).</summary>
    public bool TryGetMetadataBuffer(string name, out Buffer buffer) => TryGetMetadataBuffer(Encoding.UTF8.GetBytes(name), out buffer);
}
