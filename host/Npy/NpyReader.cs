using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace TfLiteMicro.Npy;

/// <summary>
/// Reads NumPy .npy files, format versions 1.0, 2.0 and 3.0
/// (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): C-order arrays of the dtypes in
/// <see cref="NpyDType"/>. Anything else is an <see cref="NpyFormatException"/> with a message naming the problem.
/// </summary>
public static class NpyReader
{
    /// <summary>"\x93NUMPY", the first six bytes of every .npy file.</summary>
    internal static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return Read(bytes);
        }
        catch (NpyFormatException e)
        {
            throw new NpyFormatException(path + ": " + e.Message);
        }
    }

    public static NpyArray Read(ReadOnlySpan<byte> bytes)
    {
        const int preambleBytes = 8; // magic + major + minor
        if (bytes.Length < preambleBytes || !bytes.Slice(0, Magic.Length).SequenceEqual(Magic))
            throw new NpyFormatException("not a .npy file (missing the \\x93NUMPY magic string)");

        int major = bytes[6];
        int minor = bytes[7];
        int lengthFieldBytes = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw new NpyFormatException("unsupported .npy format version " + major + "." + minor + " (supported: 1.0, 2.0, 3.0)"),
        };
        if (bytes.Length < preambleBytes + lengthFieldBytes)
            throw new NpyFormatException("truncated .npy file: the header length is missing");
        ReadOnlySpan<byte> lengthField = bytes.Slice(preambleBytes, lengthFieldBytes);
        long headerLength = lengthFieldBytes == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        int headerStart = preambleBytes + lengthFieldBytes;
        if (headerStart + headerLength > bytes.Length)
            throw new NpyFormatException("truncated .npy file: the header says " + headerLength + " bytes but only "
                + (bytes.Length - headerStart) + " follow");

        // Versions 1 and 2 store the header in latin-1, version 3 in UTF-8.
        Encoding encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        string headerText = encoding.GetString(bytes.Slice(headerStart, (int)headerLength));
        NpyHeader header = NpyHeader.Parse(headerText);
        if (header.FortranOrder)
            throw new NpyFormatException("Fortran-order arrays are not supported; save the array in C order (np.ascontiguousarray)");

        int dataStart = headerStart + (int)headerLength;
        long elements = 1;
        foreach (int dimension in header.Shape)
        {
            elements *= dimension;
            if (elements > int.MaxValue) throw new NpyFormatException("array shape " + NpyArray.FormatShape(header.Shape) + " is too large");
        }
        long dataBytes = elements * NpyDTypes.ElementSize(header.DType);
        long available = bytes.Length - dataStart;
        if (available < dataBytes)
        {
            throw new NpyFormatException("truncated .npy data: shape " + NpyArray.FormatShape(header.Shape) + " of "
                + NpyDTypes.Name(header.DType) + " needs " + dataBytes + " bytes but the file holds " + available);
        }
        // Like numpy.load, bytes after the array are ignored.
        byte[] data = bytes.Slice(dataStart, (int)dataBytes).ToArray();
        return new NpyArray(header.DType, header.Shape, data);
    }
}
