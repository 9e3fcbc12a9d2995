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
        // The board reports UTF-8: ASCII passes through, anything else becomes '?'; long messages are cut.
        byte* text = stackalloc byte[128];
        int length = message is null ? 0 : Math.Min(message.Length, 128);
        for (int i = 0; i < length; i++) text[i] = message![i] < 0x80 ? (byte)message[i] : (byte)'?';
        PlatformImports.FailFast(text, length);
        // The native hook never returns; spin rather than fall into whatever follows if it does.
        while (true)
        {
        }
    }
}
