using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Builds the name of an embedded file (<c>mlperf_kws_int8.case0_in0.npy</c>) in a caller-provided buffer:
/// the device has no string concatenation.
/// </summary>
public ref struct FileName
{
    private readonly Span<byte> buffer;
    private int length;

    public FileName(Span<byte> buffer)
    {
        this.buffer = buffer;
        length = 0;
    }

    public readonly ReadOnlySpan<byte> Text => buffer.Slice(0, length);

    /// <summary>Appends ASCII/UTF-8 text (e.g. a <c>"..."u8</c> literal).</summary>
    public FileName Append(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length && length < buffer.Length; i++) buffer[length++] = text[i];
        return this;
    }

    public FileName Append(int value)
    {
        Span<byte> digits = stackalloc byte[10];
        int count = 0;
        uint remaining = (uint)value;
        do
        {
            digits[count++] = (byte)('0' + (int)(remaining % 10));
            remaining /= 10;
        }
        while (remaining != 0);
        while (count > 0 && length < buffer.Length) buffer[length++] = digits[--count];
        return this;
    }
}
