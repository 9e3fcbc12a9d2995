using System;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>A build failure with a message meant for the user (printed without a stack trace).</summary>
public sealed class BuildException : Exception
{
    public BuildException(string message)
        : base(message)
    {
    }
}
