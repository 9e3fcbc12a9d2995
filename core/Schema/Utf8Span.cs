using System;

namespace TfLiteMicro.Schema;

/// <summary>A FlatBuffers string in place: UTF-8 bytes without the NUL terminator. Absent string: Length 0.</summary>
public readonly unsafe struct Utf8Span
{
    internal Utf8Span(byte* pointer, int length)
    {
        Pointer = pointer;
        Length = length;
    }

    /// <summary>First byte, or null when the string is absent. The byte after the last is always NUL.</summary>
    public byte* Pointer { get; }

    public int Length { get; }

    public bool IsEmpty => Length == 0;

    public ReadOnlySpan<byte> Bytes => new ReadOnlySpan<byte>(Pointer, Length);

    /// <summary>True when the bytes equal <paramref name="text"/> (e.g. a u8 literal).</summary>
    public bool EqualsUtf8(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length) return false;
        for (int i = 0; i < Length; i++)
        {
            if (Pointer[i] != text[i]) return false;
        }
        return true;
    }
}
