using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace TfLiteMicro.Firmware.Tests;

/// <summary>A golden .npy output of ../shared/models: element type (numpy code) and raw little-endian data.</summary>
public sealed class GoldenArray
{
    private GoldenArray(string type, byte[] data)
    {
        Type = type;
        Data = data;
    }

    /// <summary>numpy type code: &lt;f4, |i1, |u1, &lt;i2, &lt;i4.</summary>
    public string Type { get; }

    public byte[] Data { get; }

    public static GoldenArray Load(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int headerStart = file[6] == 1 ? 10 : 12;
        int headerLength = file[6] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)) : BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        string header = Encoding.ASCII.GetString(file, headerStart, headerLength);
        const string key = "'descr': '";
        int at = header.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) throw new FormatException($"{path}: no descr in {header}");
        return new GoldenArray(header.Substring(at + key.Length, 3), file[(headerStart + headerLength)..]);
    }

    public int ElementSize => Type switch { "<f4" or "<i4" => 4, "<i2" => 2, _ => 1 };

    public int Length => Data.Length / ElementSize;

    public long Integer(int index) => Type switch
    {
        "|i1" => (sbyte)Data[index],
        "|u1" => Data[index],
        "<i2" => BinaryPrimitives.ReadInt16LittleEndian(Data.AsSpan(2 * index)),
        "<i4" => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(4 * index)),
        _ => throw new InvalidOperationException($"{Type} is not an integer type"),
    };

    public float Single(int index) => BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(4 * index));
}
