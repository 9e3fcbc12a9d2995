using System.Diagnostics.CodeAnalysis;
using System.Runtime;

namespace System;

/// <summary>The platform hook for unrecoverable errors; the board's native code reports the message and halts.</summary>
public static class Environment
{
    /// <summary>
    /// Stops the program. The device equivalent of an unhandled exception; use it only for broken invariants
    /// (a bug), never for expected failures such as a bad model, which return a TfLiteMicro.Status.
    /// </summary>
    [DoesNotReturn]
    public static unsafe void FailFast(string? message)
    {
        if (message is null)
        {
            PlatformImports.FailFast(null, 0);
        }
        else
        {
            fixed (char* text = message)
            {
                PlatformImports.FailFast(text, message.Length);
            }
        }
        // The native hook never returns; spin rather than fall into whatever follows if it does.
        while (true)
        {
        }
    }
}
