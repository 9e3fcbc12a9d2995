using System;
using System.Runtime.CompilerServices;

namespace TfLiteMicro;

/// <summary>
/// Holds the message of the most recent failure in a fixed UTF-8 buffer, so composing an error never allocates and
/// never needs string formatting (neither exists on the bare-metal runtime). Usage:
/// <code>return errors.Fail(Status.MalformedModel, "tensor "u8).Append(index).Append(": buffer index out of range"u8);</code>
/// The chain converts implicitly to the <see cref="Status"/> given to <see cref="Fail"/>.
/// </summary>
/// <remarks>
/// Message text is passed as UTF-8 literals (<c>"..."u8</c>): ilc places those in read-only data (flash on a
/// microcontroller), where UTF-16 string literals would be frozen objects copied into RAM. Names that come from the
/// model or the resolver (operator names, custom op names, tensor names) go through <see cref="AppendName"/>.
/// <para>
/// Built with <c>TFLM_STRIP_ERROR_STRINGS</c> defined (TFLM's <c>TF_LITE_STRIP_ERROR_STRINGS</c>), the text
/// overloads do nothing and are inlined away, so no message text is linked into the image; what remains is the
/// status (<c>error N:</c>), names, and every number, each after a space: e.g.
/// <c>CONV_2D (subgraph 0, node 3) Prepare: error 1: 16 8</c>.
/// </para>
/// </remarks>
public sealed partial class ErrorReporter
{
    /// <summary>Longest message kept, in UTF-8 bytes; longer messages are cut (ending in "...").</summary>
    public const int Capacity = 512;

#if TFLM_STRIP_ERROR_STRINGS
    /// <summary>True when this build strips message text (only status, names and numbers are reported).</summary>
    public const bool StripsMessageText = true;
#else
    /// <summary>True when this build strips message text (only status, names and numbers are reported).</summary>
    public const bool StripsMessageText = false;
#endif

    /// <summary>
    /// The text, or nothing when message text is stripped. A helper that takes message text as a parameter (a
    /// tensor's role, an option's name) is an inlined shim passing <c>Text(role)</c> on to its implementation: in a
    /// strip build the literal at the call site is then dead and not linked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> text)
    {
#if TFLM_STRIP_ERROR_STRINGS
        return default;
#else
        return text;
#endif
    }

    private readonly byte[] buffer = new byte[Capacity];
    private int length;
    private Status status;

    /// <summary>The status of the last <see cref="Fail"/> (Ok after <see cref="Clear"/>).</summary>
    public Status LastStatus => status;

    /// <summary>The current message, UTF-8 (empty when no error was reported).</summary>
    public ReadOnlySpan<byte> Message => new ReadOnlySpan<byte>(buffer, 0, length);

    public bool HasError => status != Status.Ok;

    public void Clear()
    {
        length = 0;
        status = Status.Ok;
    }

    /// <summary>Starts a new message (replacing any earlier one) and records the failure status.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorReporter Fail(Status failure, ReadOnlySpan<byte> text)
    {
        Start(failure);
#if !TFLM_STRIP_ERROR_STRINGS
        Append(text);
#endif
        return this;
    }

    private void Start(Status failure)
    {
        length = 0;
        status = failure == Status.Ok ? Status.Error : failure;
#if TFLM_STRIP_ERROR_STRINGS
        PutAll("error "u8);
        PutNumber((ulong)(int)status);
        Put((byte)':');
#endif
    }

    /// <summary>Appends message text (stripped in a <c>TFLM_STRIP_ERROR_STRINGS</c> build).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorReporter Append(ReadOnlySpan<byte> text)
    {
#if !TFLM_STRIP_ERROR_STRINGS
        PutAll(text);
#endif
        return this;
    }

    /// <summary>
    /// Appends a name (operator, custom op, tensor, signature; UTF-8), kept even when text is stripped (then after a
    /// space, as numbers are, so "error 3: FULLY_CONNECTED, SOFTMAX" stays readable).
    /// </summary>
    public ErrorReporter AppendName(ReadOnlySpan<byte> name)
    {
        Separate();
        PutAll(name);
        return this;
    }

    /// <summary>Like <see cref="AppendName"/> for a name held as chars (e.g. a custom op registered by name); non-ASCII becomes '?'.</summary>
    public ErrorReporter AppendNameChars(ReadOnlySpan<char> name)
    {
        for (int i = 0; i < name.Length; i++) Put(name[i] < 0x80 ? (byte)name[i] : (byte)'?');
        return this;
    }

    /// <summary>Appends one ASCII character of message text (stripped with the text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorReporter Append(char c)
    {
#if !TFLM_STRIP_ERROR_STRINGS
        Put(c < 0x80 ? (byte)c : (byte)'?');
#endif
        return this;
    }

    /// <summary>
    /// Puts <paramref name="context"/> in front of the current message (e.g. "FULLY_CONNECTED node 3: "). Used by the
    /// interpreter to name the op and node around a kernel's own message; kept when text is stripped.
    /// </summary>
    public ErrorReporter Prefix(ReadOnlySpan<byte> context)
    {
        int add = context.Length;
        if (add == 0) return this;
        if (add > Capacity / 2) add = Capacity / 2;
        int keep = length + add > Capacity ? Capacity - add : length;
        for (int i = keep - 1; i >= 0; i--) buffer[i + add] = buffer[i];
        for (int i = 0; i < add; i++) buffer[i] = context[i];
        length = keep + add;
        return this;
    }

    /// <summary>
    /// Puts message text in front of the current message ("subgraph ", "input "); stripped with the rest of the
    /// text in a <c>TFLM_STRIP_ERROR_STRINGS</c> build (a space remains, so numbers stay apart).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ErrorReporter PrefixText(ReadOnlySpan<byte> text)
    {
#if TFLM_STRIP_ERROR_STRINGS
        return Prefix(" "u8);
#else
        return Prefix(text);
#endif
    }

    /// <summary>Like <see cref="Prefix(ReadOnlySpan{byte})"/> for a name held as chars; non-ASCII becomes '?'.</summary>
    public ErrorReporter PrefixChars(ReadOnlySpan<char> context)
    {
        int add = context.Length;
        if (add == 0) return this;
        if (add > Capacity / 2) add = Capacity / 2;
        int keep = length + add > Capacity ? Capacity - add : length;
        for (int i = keep - 1; i >= 0; i--) buffer[i + add] = buffer[i];
        for (int i = 0; i < add; i++) buffer[i] = context[i] < 0x80 ? (byte)context[i] : (byte)'?';
        length = keep + add;
        return this;
    }

    /// <summary>Puts a decimal number in front of the current message.</summary>
    public ErrorReporter Prefix(int value)
    {
        Span<byte> digits = stackalloc byte[12];
        int start = FormatDecimal(value < 0 ? (ulong)(-(long)value) : (ulong)value, digits);
        if (value < 0) digits[--start] = (byte)'-';
        return Prefix(digits.Slice(start));
    }

    public ErrorReporter Append(int value) => Append((long)value);

    public ErrorReporter Append(long value)
    {
        Separate();
        if (value < 0)
        {
            Put((byte)'-');
            // Negate as unsigned so long.MinValue works.
            PutNumber((ulong)(-(value + 1)) + 1);
            return this;
        }
        PutNumber((ulong)value);
        return this;
    }

    public ErrorReporter Append(uint value) => AppendUnsigned(value);

    public ErrorReporter AppendUnsigned(ulong value)
    {
        Separate();
        PutNumber(value);
        return this;
    }

    /// <summary>
    /// Appends a float with six significant digits, using only float32 arithmetic (no double: Cortex-M4F has
    /// no double-precision FPU). Good enough for messages; never used for numerics.
    /// </summary>
    public ErrorReporter Append(float value)
    {
        Separate();
        if (float.IsNaN(value)) { PutAll("nan"u8); return this; }
        if (value < 0) { Put((byte)'-'); value = -value; }
        if (value > 3.0e38f) { PutAll("inf"u8); return this; }
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
            Put((byte)'0'); Put((byte)'.');
            for (int i = -1; i > exponent; i--) Put((byte)'0');
            AppendDigits(mantissa, 6, -1);
        }
        else
        {
            AppendDigits(mantissa, 6, 1);
            Put((byte)'e');
            if (exponent < 0) { Put((byte)'-'); exponent = -exponent; }
            PutNumber((ulong)exponent);
        }
        return this;
    }

    // With message text stripped, numbers and names would run together ("tensor 5 has 3" -> "53"): each gets a space
    // before it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separate()
    {
#if TFLM_STRIP_ERROR_STRINGS
        Put((byte)' ');
#endif
    }

    private void AppendDigits(int mantissa, int count, int pointAfter)
    {
        Span<byte> digits = stackalloc byte[8];
        for (int i = count - 1; i >= 0; i--) { digits[i] = (byte)('0' + mantissa % 10); mantissa /= 10; }
        // Trim trailing zeros after the point.
        int last = count - 1;
        int minimum = pointAfter > 0 ? pointAfter - 1 : 0;
        while (last > minimum && digits[last] == '0') last--;
        for (int i = 0; i <= last; i++)
        {
            if (i == pointAfter) Put((byte)'.');
            Put(digits[i]);
        }
    }

    private void PutNumber(ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int start = FormatDecimal(value, digits);
        PutAll(digits.Slice(start));
    }

    /// <summary>Writes the decimal digits of <paramref name="value"/> at the end of <paramref name="digits"/>; returns where they start.</summary>
    private static int FormatDecimal(ulong value, Span<byte> digits)
    {
        int n = digits.Length;
        // 32-bit division when the value fits: a 64-bit division is a runtime helper call on 32-bit Arm.
        while (value > uint.MaxValue)
        {
            ulong quotient = value / 10;
            digits[--n] = (byte)('0' + (int)(value - quotient * 10));
            value = quotient;
        }
        uint small = (uint)value;
        do
        {
            uint quotient = small / 10;
            digits[--n] = (byte)('0' + (int)(small - quotient * 10));
            small = quotient;
        }
        while (small != 0);
        return n;
    }

    private void PutAll(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++) Put(text[i]);
    }

    private void Put(byte c)
    {
        if (length < Capacity)
        {
            buffer[length++] = c;
            if (length == Capacity)
            {
                buffer[Capacity - 3] = (byte)'.';
                buffer[Capacity - 2] = (byte)'.';
                buffer[Capacity - 1] = (byte)'.';
            }
        }
    }

    public static implicit operator Status(ErrorReporter reporter) => reporter.status;
}
