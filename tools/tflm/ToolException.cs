using System;

namespace TfLiteMicro.Tools;

/// <summary>A failure to report to the user as one line on stderr with exit code 1 (model, input or runtime error).</summary>
public sealed class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }
}
