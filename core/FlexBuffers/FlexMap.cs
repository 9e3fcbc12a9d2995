using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// A FlexBuffers map read in place: a vector of values plus a parallel, sorted vector of zero-terminated keys.
/// TFLM's custom ops keep their options in such a map (written by TensorFlow's converter).
/// </summary>
public readonly ref struct FlexMap
{
    private readonly ReadOnlySpan<byte> buffer;
    private readonly FlexVector values;
    private readonly long keysStart;
    private readonly int keysWidth;

    private FlexMap(ReadOnlySpan<byte> buffer, FlexVector values, long keysStart, int keysWidth)
    {
        this.buffer = buffer;
        this.values = values;
        this.keysStart = keysStart;
        this.keysWidth = keysWidth;
    }

    public int Count => values.Count;

    /// <summary>The values in key order (a map is also a vector).</summary>
    public FlexVector Values => values;

    /// <summary>
    /// Checks the map whose values start at <paramref name="start"/>: before them lie (from the start backwards)
    /// the value count, the keys' byte width and the offset of the keys vector.
    /// </summary>
    internal static FlexError Create(ReadOnlySpan<byte> buffer, long start, int width, out FlexMap map)
    {
        map = default;
        FlexError error = FlexVector.Create(buffer, start, width, FlexBufferType.Map, out FlexVector values);
        if (error != FlexError.None) return error;
        error = FlexBufferBytes.Indirect(buffer, start - 3L * width, width, out long keysStart);
        if (error != FlexError.None) return error;
        error = FlexBufferBytes.ReadUInt(buffer, start - 2L * width, width, out ulong keysWidth);
        if (error != FlexError.None) return error;
        if (keysWidth > 8 || !FlexBufferBytes.IsValidWidth((int)keysWidth)) return FlexError.BadWidth;
        error = FlexVector.Create(buffer, keysStart, (int)keysWidth, FlexBufferType.VectorKey, out FlexVector keys);
        if (error != FlexError.None) return error;
        // Keys and values are parallel arrays: a count mismatch would let a key index a missing value.
        if (keys.Count != values.Count) return FlexError.OutOfBounds;
        map = new FlexMap(buffer, values, keysStart, (int)keysWidth);
        return FlexError.None;
    }

    /// <summary>The bytes of key <paramref name="index"/> (without its terminating zero).</summary>
    public bool TryGetKey(int index, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (index < 0 || index >= Count) return false;
        FlexError error = FlexBufferBytes.Indirect(buffer, keysStart + (long)index * keysWidth, keysWidth, out long keyStart);
        if (error != FlexError.None) return false;
        return FlexReference.ReadKeyAt(buffer, keyStart, out key) == FlexError.None;
    }

    /// <summary>Finds the value stored under <paramref name="key"/> (ASCII). False when absent or the key table is damaged.</summary>
    public bool TryFind(ReadOnlySpan<byte> key, out FlexReference value)
    {
        value = default;
        for (int i = 0; i < Count; i++)
        {
            if (TryGetKey(i, out ReadOnlySpan<byte> candidate) && KeyEquals(candidate, key))
                return values.TryGet(i, out value);
        }
        return false;
    }

    public bool ContainsKey(ReadOnlySpan<byte> key) => TryFind(key, out _);

    public Status Get(ReadOnlySpan<byte> key, ErrorReporter errors, out FlexReference value)
    {
        if (TryFind(key, out value)) return Status.Ok;
        return errors.Fail(Status.MalformedModel, "FlexBuffer: key '"u8).Append(key).Append("' not found"u8);
    }

    public Status GetInt32(ReadOnlySpan<byte> key, ErrorReporter errors, out int value)
    {
        value = 0;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        FlexError error = reference.ReadInt64(out long wide);
        if (error == FlexError.None && (wide < int.MinValue || wide > int.MaxValue)) error = FlexError.OutOfRange;
        if (error == FlexError.None) value = (int)wide;
        return Report(errors, error, key, reference.Type, "a 32-bit integer"u8);
    }

    public Status GetInt64(ReadOnlySpan<byte> key, ErrorReporter errors, out long value)
    {
        value = 0;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        return Report(errors, reference.ReadInt64(out value), key, reference.Type, "an integer"u8);
    }

    public Status GetUInt64(ReadOnlySpan<byte> key, ErrorReporter errors, out ulong value)
    {
        value = 0;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        return Report(errors, reference.ReadUInt64(out value), key, reference.Type, "an unsigned integer"u8);
    }

    public Status GetFloat(ReadOnlySpan<byte> key, ErrorReporter errors, out float value)
    {
        value = 0f;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        return Report(errors, reference.ReadFloat(out value), key, reference.Type, "a float"u8);
    }

    public Status GetBool(ReadOnlySpan<byte> key, ErrorReporter errors, out bool value)
    {
        value = false;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        return Report(errors, reference.ReadBool(out value), key, reference.Type, "a bool"u8);
    }

    public Status GetVector(ReadOnlySpan<byte> key, ErrorReporter errors, out FlexVector vector)
    {
        vector = default;
        if (!TryFind(key, out FlexReference reference)) return Get(key, errors, out _);
        return Report(errors, reference.ReadVector(out vector), key, reference.Type, "a vector"u8);
    }

    private static bool KeyEquals(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> key)
    {
        if (candidate.Length != key.Length) return false;
        for (int i = 0; i < key.Length; i++)
        {
            if (candidate[i] != key[i]) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Status Report(ErrorReporter errors, FlexError error, ReadOnlySpan<byte> key, FlexBufferType type, ReadOnlySpan<byte> expected) => ReportCore(errors, error, key, type, ErrorReporter.Text(expected));

    private static Status ReportCore(ErrorReporter errors, FlexError error, ReadOnlySpan<byte> key, FlexBufferType type, ReadOnlySpan<byte> expected)
    {
        if (error == FlexError.None) return Status.Ok;
        return errors.Fail(Status.MalformedModel, "FlexBuffer: key '"u8).Append(key).Append("' of type "u8)
            .Append(FlexBufferTypes.Name(type)).Append(" cannot be read as "u8).Append(expected).Append(": "u8)
            .Append(FlexBufferBytes.Describe(error));
    }
}
