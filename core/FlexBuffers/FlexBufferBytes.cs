using System;

namespace TfLiteMicro.FlexBuffers;

/// <summary>
/// Bounds-checked little-endian reads of the FlexBuffers primitives. Every read checks its offset and width
/// first, so a malformed buffer yields a <see cref="FlexError"/> and never an out-of-range access.
/// </summary>
internal static class FlexBufferBytes
{
    public static bool IsValidWidth(int width) => width == 1 || width == 2 || width == 4 || width == 8;

    /// <summary>True when <paramref name="count"/> bytes starting at <paramref name="offset"/> lie in the buffer.</summary>
    public static bool InBounds(ReadOnlySpan<byte> buffer, long offset, long count) =>
        offset >= 0 && count >= 0 && offset <= buffer.Length && count <= buffer.Length - offset;

    public static FlexError ReadUInt(ReadOnlySpan<byte> buffer, long offset, int width, out ulong value)
    {
        value = 0;
        if (!IsValidWidth(width)) return FlexError.BadWidth;
        if (!InBounds(buffer, offset, width)) return FlexError.OutOfBounds;
        int start = (int)offset;
        for (int i = width - 1; i >= 0; i--) value = (value << 8) | buffer[start + i];
        return FlexError.None;
    }

    public static FlexError ReadInt(ReadOnlySpan<byte> buffer, long offset, int width, out long value)
    {
        FlexError error = ReadUInt(buffer, offset, width, out ulong raw);
        // Sign-extend from the stored width.
        int unused = 64 - 8 * width;
        value = error == FlexError.None ? (long)(raw << unused) >> unused : 0;
        return error;
    }

    /// <summary>Reads a float stored in 4 bytes (float) or 8 bytes (double, narrowed to float).</summary>
    public static FlexError ReadFloat(ReadOnlySpan<byte> buffer, long offset, int width, out float value)
    {
        value = 0f;
        if (width != 4 && width != 8) return FlexError.BadWidth;
        FlexError error = ReadUInt(buffer, offset, width, out ulong raw);
        if (error != FlexError.None) return error;
        value = width == 4 ? BitConverter.UInt32BitsToSingle((uint)raw) : Float64Bits.ToSingle(raw);
        return FlexError.None;
    }

    /// <summary>Reads a float's value truncated toward zero (FlexBuffers' AsInt64 of a FLOAT).</summary>
    public static FlexError ReadFloatAsInt(ReadOnlySpan<byte> buffer, long offset, int width, out long value)
    {
        value = 0;
        if (width != 4 && width != 8) return FlexError.BadWidth;
        FlexError error = ReadUInt(buffer, offset, width, out ulong raw);
        if (error != FlexError.None) return error;
        if (width == 8) return Float64Bits.TryTruncateToInt64(raw, out value) ? FlexError.None : FlexError.OutOfRange;
        float single = BitConverter.UInt32BitsToSingle((uint)raw);
        // float.IsNaN is avoided on purpose: the comparisons below are false for NaN.
        if (!(single > -9.2233720e18f && single < 9.2233720e18f)) return FlexError.OutOfRange;
        value = (long)single;
        return FlexError.None;
    }

    /// <summary>Follows an offset stored at <paramref name="offset"/>: FlexBuffers offsets point backwards.</summary>
    public static FlexError Indirect(ReadOnlySpan<byte> buffer, long offset, int width, out long target)
    {
        target = 0;
        FlexError error = ReadUInt(buffer, offset, width, out ulong distance);
        if (error != FlexError.None) return error;
        if (distance > (ulong)offset) return FlexError.OutOfBounds;
        target = offset - (long)distance;
        return FlexError.None;
    }

    /// <summary>Converts an unsigned value to float with one rounding (no detour through double).</summary>
    public static float UnsignedToSingle(ulong value)
    {
        if (value <= long.MaxValue) return (long)value;
        // Halve with a sticky bit so the single rounding to 24 bits still sees every dropped bit.
        return (long)((value >> 1) | (value & 1)) * 2f;
    }

    public static System.ReadOnlySpan<byte> Describe(FlexError error)
    {
        switch (error)
        {
            case FlexError.OutOfBounds: return "an offset or length points outside the buffer"u8;
            case FlexError.BadWidth: return "invalid byte width"u8;
            case FlexError.WrongType: return "value has the wrong type"u8;
            case FlexError.OutOfRange: return "value is out of range"u8;
            case FlexError.UnterminatedKey: return "key is not zero-terminated"u8;
            default: return "ok"u8;
        }
    }
}
