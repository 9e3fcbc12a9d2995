using System.Text;

namespace TfLiteMicro;

// Host-only: the message as a string (the bare-metal runtime has no string allocation helpers).
public sealed partial class ErrorReporter
{
    /// <summary>The current message as a string.</summary>
    public string MessageText => Encoding.UTF8.GetString(Message);

    public override string ToString() => MessageText;
}
