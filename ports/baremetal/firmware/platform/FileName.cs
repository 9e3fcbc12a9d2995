using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Builds the name of an embedded file (<c>mlperf_kws_int8.case0_in0.npy</c>) in a caller-provided buffer:
/// the device has no string concatenation.
/// </summary>
public ref struct FileName
{
    private readonly Span<char> buffer;
    private int length;

    public FileName(Span<char> buffer)
    {
        this.buffer = buffer;
        length = 0;
    }

    public readonly ReadOnlySpan<char> Text => buffer.Slice(0, length);

    public FileName Append(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length && length < buffer.Length; i++) buffer[length++] = text[i];
        return this;
    }

    public FileName Append(string text)
    {
        for (int i = 0; i < text.Length && length < buffer.Length; i++) buffer[length++] = text[i];
        return this;
    }

    public FileName Append(int value)
    {
        Span<char> digits = stackalloc char[10];
        int count = 0;
        uint remaining = (uint)value;
        do
        {
            digits[count++] = (char)('0' + (int)(remaining % 10));
            remaining /= 10;
        }
        while (remaining != 0);
        while (count > 0 && length < buffer.Length) buffer[length++] = digits[--count];
        return this;
    }
}
