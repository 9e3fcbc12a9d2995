using System.Text;

namespace TfLiteMicro;

// Host-only: the name as a string.
public readonly partial struct OperatorName
{
    public override string ToString() => Encoding.UTF8.GetString(Utf8);
}
