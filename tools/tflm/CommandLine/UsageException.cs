using System;

namespace TfLiteMicro.Tools.CommandLine;

/// <summary>A command line that cannot be understood; reported with exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
