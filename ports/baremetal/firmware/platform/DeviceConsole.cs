using System;

namespace TfLiteMicro.BareMetal;

/// <summary>
/// Text output of the board (semihosting in QEMU, a UART on hardware: whatever console the board file names).
/// Buffers one line, because every write to a semihosting console traps into the debugger or emulator.
/// Text is UTF-8 bytes (chars: ASCII only; others print as '?'). No formatting and no allocation: numbers have their own writers.
/// </summary>
public static unsafe class DeviceConsole
{
    private const int LineCapacity = 120;
    private static readonly byte[] Line = new byte[LineCapacity];
    private static int lineLength;

    public static void WriteChars(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            Put(c < 128 ? (byte)c : (byte)'?');
        }
    }

    /// <summary>Writes UTF-8 text (a <c>"..."u8</c> literal stays in flash; a string literal would be copied to RAM).</summary>
    public static void Write(ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++) Put(text[i]);
    }

    public static void WriteLine(ReadOnlySpan<byte> text)
    {
        Write(text);
        WriteLine();
    }

    public static void WriteLine()
    {
        Put((byte)'\n');
        Flush();
    }

    public static void Write(long value)
    {
        if (value < 0)
        {
            Put((byte)'-');
            WriteUnsigned(0ul - (ulong)value);
        }
        else
        {
            WriteUnsigned((ulong)value);
        }
    }

    public static void WriteUnsigned(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[count++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value != 0);
        while (count > 0) Put(digits[--count]);
    }

    /// <summary>"0x" and 8 hex digits: how float outputs are printed, so they compare bit for bit.</summary>
    public static void WriteHex(uint value)
    {
        Put((byte)'0');
        Put((byte)'x');
        for (int shift = 28; shift >= 0; shift -= 4)
        {
            int digit = (int)((value >> shift) & 15);
            Put((byte)(digit < 10 ? '0' + digit : 'a' + digit - 10));
        }
    }

    public static void Flush()
    {
        if (lineLength == 0) return;
        fixed (byte* text = Line)
        {
            NativeMethods.ConsoleWrite(text, lineLength);
        }
        lineLength = 0;
    }

    private static void Put(byte c)
    {
        if (lineLength == LineCapacity) Flush();
        Line[lineLength++] = c;
    }
}
