using System;

namespace TfLiteMicro.Host;

/// <summary>A model that cannot be loaded, allocated or run: the interpreter's <see cref="Status"/> and its message.</summary>
public sealed class InferenceException : Exception
{
    public InferenceException(Status status, string message) : base(message)
    {
        Status = status;
    }

    public Status Status { get; }
}
