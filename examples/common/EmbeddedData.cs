using System;
using System.IO;
using System.Reflection;

namespace TfLiteMicro.Examples;

/// <summary>
/// Reads the files an example embeds in its own executable (models and sample data), the way firmware keeps them
/// in flash: the example runs from any working directory and on a fresh clone.
/// </summary>
internal static class EmbeddedData
{
    public static byte[] Read(string name)
    {
        // This file is compiled into each example, so this type's assembly is the example's own.
        using Stream stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("'" + name + "' is not embedded in " + typeof(EmbeddedData).Assembly.GetName().Name);
        using MemoryStream copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
