using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// A NumPy .npy file read in place (the golden test inputs embedded in flash): the element type from the
/// header's 'descr' and the raw little-endian data that follows the header. Shape is not needed: the data is
/// copied into an input tensor of the same byte size.
/// </summary>
public readonly unsafe ref struct NpyArray
{
    private NpyArray(TensorType type, ReadOnlySpan<byte> data)
    {
        Type = type;
        Data = data;
    }

    public TensorType Type { get; }

    public ReadOnlySpan<byte> Data { get; }

    public static bool TryParse(ReadOnlySpan<byte> file, out NpyArray array)
    {
        array = default;
        // "\x93NUMPY", major, minor, then a little-endian header length: 2 bytes in version 1, 4 bytes after.
        if (file.Length < 10 || file[0] != 0x93 || file[1] != (byte)'N' || file[5] != (byte)'Y') return false;
        int headerStart = file[6] == 1 ? 10 : 12;
        if (file.Length < headerStart) return false;
        int headerLength = file[8] | (file[9] << 8);
        if (file[6] != 1) headerLength |= (file[10] << 16) | (file[11] << 24);
        int dataStart = headerStart + headerLength;
        if (headerLength < 0 || dataStart > file.Length) return false;

        ReadOnlySpan<byte> header = file.Slice(headerStart, headerLength);
        int descr = IndexOf(header, "'descr': '"u8);
        if (descr < 0 || descr + 13 > header.Length) return false;
        ReadOnlySpan<byte> code = header.Slice(descr + 10, 3);
        TensorType type;
        if (Is(code, "<f4"u8)) type = TensorType.Float32;
        else if (Is(code, "|i1"u8)) type = TensorType.Int8;
        else if (Is(code, "|u1"u8)) type = TensorType.UInt8;
        else if (Is(code, "<i2"u8)) type = TensorType.Int16;
        else if (Is(code, "<i4"u8)) type = TensorType.Int32;
        else return false;
        array = new NpyArray(type, file.Slice(dataStart));
        return true;
    }

    private static bool Is(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> ascii)
    {
        if (bytes.Length != ascii.Length) return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != ascii[i]) return false;
        }
        return true;
    }

    private static int IndexOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> ascii)
    {
        for (int start = 0; start + ascii.Length <= text.Length; start++)
        {
            if (Is(text.Slice(start, ascii.Length), ascii)) return start;
        }
        return -1;
    }
}
