using System;
using System.Collections.Generic;
using System.Text;
using TfLiteMicro.FlexBuffers;

namespace TfLiteMicro.Core.Tests.FlexBuffers;

/// <summary>
/// A small FlexBuffers writer for tests: one root map whose values are scalars or vectors, every slot written with
/// one chosen byte width, laid out as flatbuffers' <c>flexbuffers::Builder</c> does (children before parents,
/// offsets pointing backwards, keys sorted).
/// </summary>
public sealed class TestFlexBufferWriter
{
    private readonly List<Entry> entries = new List<Entry>();

    public TestFlexBufferWriter Int(string key, long value) => Add(key, FlexBufferType.Int, value);

    public TestFlexBufferWriter UInt(string key, ulong value) => Add(key, FlexBufferType.UInt, unchecked((long)value));

    public TestFlexBufferWriter Bool(string key, bool value) => Add(key, FlexBufferType.Bool, value ? 1 : 0);

    /// <summary>A float stored in 4 bytes (needs width 4) or 8 bytes as a double (width 8).</summary>
    public TestFlexBufferWriter Float(string key, double value)
    {
        entries.Add(new Entry(key, FlexBufferType.Float) { Number = value });
        return this;
    }

    public TestFlexBufferWriter IntVector(string key, params long[] values)
    {
        entries.Add(new Entry(key, FlexBufferType.VectorInt) { Ints = values });
        return this;
    }

    public TestFlexBufferWriter FloatVector(string key, params double[] values)
    {
        entries.Add(new Entry(key, FlexBufferType.VectorFloat) { Floats = values });
        return this;
    }

    /// <summary>An untyped vector of ints (each element carries its own type byte).</summary>
    public TestFlexBufferWriter MixedVector(string key, params long[] values)
    {
        entries.Add(new Entry(key, FlexBufferType.Vector) { Ints = values });
        return this;
    }

    public TestFlexBufferWriter String(string key, string value)
    {
        entries.Add(new Entry(key, FlexBufferType.String) { Text = value });
        return this;
    }

    /// <summary>Writes the map with every slot (values, vector elements, offsets, lengths) <paramref name="width"/> bytes wide.</summary>
    public byte[] Build(int width = 1)
    {
        var output = new List<byte>();
        var sorted = new List<Entry>(entries);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        foreach (Entry entry in sorted)
        {
            entry.KeyPosition = output.Count;
            output.AddRange(Encoding.ASCII.GetBytes(entry.Key));
            output.Add(0);
        }

        // Children (vectors, strings) before the map that points at them.
        foreach (Entry entry in sorted)
        {
            switch (entry.Type)
            {
                case FlexBufferType.VectorInt:
                    Align(output, width);
                    Put(output, entry.Ints!.Length, width);
                    entry.Target = output.Count;
                    foreach (long v in entry.Ints) Put(output, v, width);
                    break;
                case FlexBufferType.VectorFloat:
                    Align(output, width);
                    Put(output, entry.Floats!.Length, width);
                    entry.Target = output.Count;
                    foreach (double v in entry.Floats) PutFloat(output, v, width);
                    break;
                case FlexBufferType.Vector:
                    Align(output, width);
                    Put(output, entry.Ints!.Length, width);
                    entry.Target = output.Count;
                    foreach (long v in entry.Ints) Put(output, v, width);
                    foreach (long _ in entry.Ints) output.Add(Packed(FlexBufferType.Int, 1));
                    break;
                case FlexBufferType.String:
                    Align(output, width);
                    Put(output, entry.Text!.Length, width);
                    entry.Target = output.Count;
                    output.AddRange(Encoding.ASCII.GetBytes(entry.Text));
                    output.Add(0);
                    break;
            }
        }

        Align(output, width);
        Put(output, sorted.Count, width);
        int keysStart = output.Count;
        foreach (Entry entry in sorted) Put(output, output.Count - entry.KeyPosition, width);

        Align(output, width);
        Put(output, output.Count - keysStart, width);
        Put(output, width, width);
        Put(output, sorted.Count, width);
        int mapStart = output.Count;
        foreach (Entry entry in sorted)
        {
            switch (entry.Type)
            {
                case FlexBufferType.Float:
                    PutFloat(output, entry.Number, width);
                    break;
                case FlexBufferType.Int:
                case FlexBufferType.UInt:
                case FlexBufferType.Bool:
                    Put(output, entry.Value, width);
                    break;
                default:
                    Put(output, output.Count - entry.Target, width);
                    break;
            }
        }
        foreach (Entry entry in sorted)
        {
            // Inline values record their own minimal width; offsets record the child's width.
            bool inline = entry.Type == FlexBufferType.Int || entry.Type == FlexBufferType.UInt || entry.Type == FlexBufferType.Bool;
            output.Add(Packed(entry.Type, inline ? 1 : width));
        }

        Put(output, output.Count - mapStart, width);
        output.Add(Packed(FlexBufferType.Map, width));
        output.Add((byte)width);
        return output.ToArray();
    }

    public static byte Packed(FlexBufferType type, int width)
    {
        int log2 = width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3;
        return (byte)(((int)type << 2) | log2);
    }

    private TestFlexBufferWriter Add(string key, FlexBufferType type, long value)
    {
        entries.Add(new Entry(key, type) { Value = value });
        return this;
    }

    private static void Align(List<byte> output, int width)
    {
        while (output.Count % width != 0) output.Add(0);
    }

    private static void Put(List<byte> output, long value, int width)
    {
        for (int i = 0; i < width; i++) output.Add((byte)(value >> (8 * i)));
    }

    private static void PutFloat(List<byte> output, double value, int width)
    {
        if (width == 8) Put(output, BitConverter.DoubleToInt64Bits(value), 8);
        else if (width == 4) Put(output, BitConverter.SingleToInt32Bits((float)value), 4);
        else throw new ArgumentException("floats need a width of 4 or 8");
    }

    private sealed class Entry
    {
        public Entry(string key, FlexBufferType type)
        {
            Key = key;
            Type = type;
        }

        public string Key { get; }
        public FlexBufferType Type { get; }
        public long Value { get; set; }
        public double Number { get; set; }
        public long[]? Ints { get; set; }
        public double[]? Floats { get; set; }
        public string? Text { get; set; }
        public int KeyPosition { get; set; }
        public int Target { get; set; }
    }
}
