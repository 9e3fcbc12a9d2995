using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace TfLiteMicro.Npy;

/// <summary>
/// Writes NumPy .npy files the way numpy.save does: version 1.0 (2.0 when the header exceeds 64 KiB), the
/// header padded with spaces and a newline so the data starts at a multiple of 64 bytes.
/// </summary>
public static class NpyWriter
{
    private const int DataAlignment = 64;

    public static void WriteFile(string path, NpyArray array)
    {
        File.WriteAllBytes(path, Write(array));
    }

    public static byte[] Write(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        string dict = new NpyHeader(array.DType, fortranOrder: false, array.Shape.ToArray()).Format();
        int major = 1;
        int lengthFieldBytes = 2;
        int headerLength = PaddedHeaderLength(dict, 8 + lengthFieldBytes);
        if (headerLength > ushort.MaxValue)
        {
            major = 2;
            lengthFieldBytes = 4;
            headerLength = PaddedHeaderLength(dict, 8 + lengthFieldBytes);
        }

        int headerStart = 8 + lengthFieldBytes;
        byte[] bytes = new byte[headerStart + headerLength + array.Data.Length];
        NpyReader.Magic.CopyTo(bytes);
        bytes[6] = (byte)major;
        bytes[7] = 0;
        if (lengthFieldBytes == 2) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        else BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);

        Span<byte> header = bytes.AsSpan(headerStart, headerLength);
        header.Fill((byte)' ');
        Encoding.Latin1.GetBytes(dict, header);
        header[^1] = (byte)'\n';
        array.Data.CopyTo(bytes.AsSpan(headerStart + headerLength));
        return bytes;
    }

    /// <summary>Header length including padding and the final newline, so that the data is 64-byte aligned.</summary>
    private static int PaddedHeaderLength(string dict, int preambleBytes)
    {
        int unpadded = preambleBytes + dict.Length + 1;
        int padded = (unpadded + DataAlignment - 1) / DataAlignment * DataAlignment;
        return padded - preambleBytes;
    }
}
