using System;

namespace TfLiteMicro;

/// <summary>
/// Holds the message of the most recent failure in a fixed buffer, so composing an error never allocates and
/// never needs string formatting (neither exists on the bare-metal runtime). Usage:
/// <code>return errors.Fail(Status.MalformedModel, "tensor ").Append(index).Append(": buffer index out of range");</code>
/// The chain converts implicitly to the <see cref="Status"/> given to <see cref="Fail"/>.
/// </summary>
public sealed partial class ErrorReporter
{
    /// <summary>Longest message kept; longer messages are cut (ending in "...").</summary>
    public const int Capacity = 512;

    private readonly char[] buffer = new char[Capacity];
    private int length;
    private Status status;

    /// <summary>The status of the last <see cref="Fail"/> (Ok after <see cref="Clear"/>).</summary>
    public Status LastStatus => status;

    /// <summary>The current message (empty when no error was reported).</summary>
    public ReadOnlySpan<char> Message => new ReadOnlySpan<char>(buffer, 0, length);

    public bool HasError => status != Status.Ok;

    public void Clear()
    {
        length = 0;
        status = Status.Ok;
    }

    /// <summary>Starts a new message (replacing any earlier one) and records the failure status.</summary>
    public ErrorReporter Fail(Status failure, string text)
    {
        length = 0;
        status = failure == Status.Ok ? Status.Error : failure;
        return Append(text);
    }

    /// <summary>
    /// Puts <paramref name="context"/> in front of the current message (e.g. "FULLY_CONNECTED node 3: ").
    /// Used by the interpreter to name the op and node around a kernel's own message.
    /// </summary>
    public ErrorReporter Prefix(string context)
    {
        int add = context.Length;
        if (add == 0) return this;
        int keep = length + add > Capacity ? Capacity - add : length;
        if (keep < 0) keep = 0;
        for (int i = keep - 1; i >= 0; i--) buffer[i + add] = buffer[i];
        for (int i = 0; i < add && i < Capacity; i++) buffer[i] = context[i];
        length = keep + add > Capacity ? Capacity : keep + add;
        return this;
    }

    /// <summary>Like <see cref="Prefix(string)"/> for an UTF-8/ASCII name (e.g. a custom op name from the model).</summary>
    public ErrorReporter PrefixAscii(ReadOnlySpan<byte> context)
    {
        // Build the prefix at the end of the buffer, then rotate it to the front.
        int add = context.Length;
        if (add > Capacity / 2) add = Capacity / 2;
        int keep = length + add > Capacity ? Capacity - add : length;
        for (int i = keep - 1; i >= 0; i--) buffer[i + add] = buffer[i];
        for (int i = 0; i < add; i++) buffer[i] = (char)context[i];
        length = keep + add;
        return this;
    }

    public ErrorReporter Append(string text)
    {
        for (int i = 0; i < text.Length; i++) Put(text[i]);
        return this;
    }

    public ErrorReporter Append(char c)
    {
        Put(c);
        return this;
    }

    /// <summary>Appends ASCII/UTF-8 bytes (names stored in the model) one byte per char.</summary>
    public ErrorReporter AppendAscii(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++) Put((char)text[i]);
        return this;
    }

    public ErrorReporter Append(int value) => Append((long)value);

    public ErrorReporter Append(long value)
    {
        if (value < 0)
        {
            Put('-');
            // Negate as unsigned so long.MinValue works.
            return AppendUnsigned((ulong)(-(value + 1)) + 1);
        }
        return AppendUnsigned((ulong)value);
    }

    public ErrorReporter Append(uint value) => AppendUnsigned(value);

    public ErrorReporter AppendUnsigned(ulong value)
    {
        Span<char> digits = stackalloc char[20];
        int n = 0;
        do
        {
            digits[n++] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        while (n > 0) Put(digits[--n]);
        return this;
    }

    /// <summary>
    /// Appends a float with six significant digits, using only float32 arithmetic (no double: Cortex-M4F has
    /// no double-precision FPU). Good enough for messages; never used for numerics.
    /// </summary>
    public ErrorReporter Append(float value)
    {
        if (float.IsNaN(value)) return Append("nan");
        if (value < 0) { Put('-'); value = -value; }
        if (value > 3.0e38f) return Append("inf");
        int exponent = 0;
        if (value != 0)
        {
            while (value >= 10f) { value /= 10f; exponent++; }
            while (value < 1f) { value *= 10f; exponent--; }
        }
        // value in [1, 10): print d.ddddd and an exponent when outside [1e-4, 1e6).
        int mantissa = (int)(value * 100000f + 0.5f);
        if (mantissa >= 1000000) { mantissa /= 10; exponent++; }
        bool scientific = exponent < -4 || exponent >= 6;
        if (!scientific && exponent >= 0)
        {
            // Fixed notation with the decimal point after (exponent + 1) digits.
            AppendDigits(mantissa, 6, exponent + 1);
        }
        else if (!scientific)
        {
            Put('0'); Put('.');
            for (int i = -1; i > exponent; i--) Put('0');
            AppendDigits(mantissa, 6, -1);
        }
        else
        {
            AppendDigits(mantissa, 6, 1);
            Put('e');
            Append(exponent);
        }
        return this;
    }

    private void AppendDigits(int mantissa, int count, int pointAfter)
    {
        Span<char> digits = stackalloc char[8];
        for (int i = count - 1; i >= 0; i--) { digits[i] = (char)('0' + mantissa % 10); mantissa /= 10; }
        // Trim trailing zeros after the point.
        int last = count - 1;
        int minimum = pointAfter > 0 ? pointAfter - 1 : 0;
        while (last > minimum && digits[last] == '0') last--;
        for (int i = 0; i <= last; i++)
        {
            if (i == pointAfter) Put('.');
            Put(digits[i]);
        }
    }

    private void Put(char c)
    {
        if (length < Capacity)
        {
            buffer[length++] = c;
            if (length == Capacity)
            {
                buffer[Capacity - 3] = '.';
                buffer[Capacity - 2] = '.';
                buffer[Capacity - 1] = '.';
            }
        }
    }

    public static implicit operator Status(ErrorReporter reporter) => reporter.status;
}
