using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Files the firmware build placed in flash (the example project's <c>FirmwareFile</c> items: models, test
/// inputs). They are read in place: the span points into flash, nothing is copied to RAM.
/// </summary>
public static unsafe class EmbeddedFile
{
    /// <summary>Finds the file embedded under <paramref name="name"/> (ASCII); false when there is none.</summary>
    public static bool TryGet(ReadOnlySpan<byte> name, out byte* data, out int length)
    {
        uint size = 0;
        fixed (byte* ascii = name) data = NativeMethods.EmbeddedFile(ascii, name.Length, &size);
        length = (int)size;
        return data != null;
    }

    public static bool TryGet(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> contents)
    {
        bool found = TryGet(name, out byte* data, out int length);
        contents = found ? new ReadOnlySpan<byte>(data, length) : default;
        return found;
    }
}
