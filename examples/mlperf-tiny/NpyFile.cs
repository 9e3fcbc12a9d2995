using System;
using System.Buffers.Binary;
using System.Text;

namespace TfLiteMicro.Examples.MlperfTiny;

/// <summary>
/// The few facts of a NumPy .npy file the golden cases need: dtype text (e.g. <c>|i1</c>), shape and the raw
/// little-endian data. Only C-order arrays are accepted (all the shared goldens are).
/// </summary>
public sealed class NpyFile
{
    private NpyFile(string dtype, int[] shape, byte[] data)
    {
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    public string DType { get; }

    public int[] Shape { get; }

    public byte[] Data { get; }

    public static NpyFile Parse(ReadOnlySpan<byte> file)
    {
        // Magic "\x93NUMPY", major and minor version, then the header length (2 bytes in v1, 4 bytes in v2/v3).
        if (file.Length < 10 || file[0] != 0x93 || !file.Slice(1, 5).SequenceEqual("NUMPY"u8))
            throw new FormatException("not a .npy file");
        int major = file[6];
        int headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(8, 2));
            headerStart = 10;
        }
        else if ((major == 2 || major == 3) && file.Length >= 12)
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(8, 4)));
            headerStart = 12;
        }
        else
        {
            throw new FormatException(".npy version " + major + " is not supported");
        }
        if (headerStart + headerLength > file.Length) throw new FormatException(".npy header is truncated");
        string header = Encoding.Latin1.GetString(file.Slice(headerStart, headerLength));
        if (ValueOf(header, "fortran_order").StartsWith("True", StringComparison.Ordinal))
            throw new FormatException("Fortran-order .npy files are not supported");
        string dtype = QuotedValue(ValueOf(header, "descr"));
        int[] shape = ParseShape(ValueOf(header, "shape"));
        byte[] data = file.Slice(headerStart + headerLength).ToArray();
        return new NpyFile(dtype, shape, data);
    }

    private static string ValueOf(string header, string key)
    {
        int at = header.IndexOf("'" + key + "'", StringComparison.Ordinal);
        if (at < 0) throw new FormatException(".npy header has no '" + key + "'");
        int colon = header.IndexOf(':', at);
        return header.Substring(colon + 1).TrimStart();
    }

    private static string QuotedValue(string text)
    {
        int end = text.Length > 0 ? text.IndexOf(text[0], 1) : -1;
        if (end < 0 || (text[0] != '\'' && text[0] != '"')) throw new FormatException(".npy descr is not a string");
        return text.Substring(1, end - 1);
    }

    private static int[] ParseShape(string text)
    {
        int close = text.IndexOf(')');
        if (!text.StartsWith('(') || close < 0) throw new FormatException(".npy shape is not a tuple");
        string[] parts = text.Substring(1, close - 1).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int[] shape = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++) shape[i] = int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        return shape;
    }
}
