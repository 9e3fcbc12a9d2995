using System;

namespace TfLiteMicro.Npy;

/// <summary>A .npy file (or stream) that this reader cannot accept; the message says what is wrong with it.</summary>
public sealed class NpyFormatException : Exception
{
    public NpyFormatException(string message)
        : base(message)
    {
    }
}
