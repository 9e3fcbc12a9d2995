using System;

namespace TfLiteMicro.Examples;

/// <summary>Turns a failed kernel registration into an exception naming the model (host-side convenience).</summary>
internal static class Resolvers
{
    public static void Check(OpResolver resolver, Status status, string what)
    {
        if (status != Status.Ok) throw new InvalidOperationException(what + ": " + resolver.Errors.MessageText);
    }
}
