using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary>
/// Immutable UTF-16 text. Only literals exist on the device (frozen into the image by ilc; they cost flash and,
/// once copied at reset, RAM). There is no concatenation, formatting, interpolation or ToString: compose
/// messages with TfLiteMicro.ErrorReporter, which writes into a fixed buffer.
/// </summary>
public sealed class String
{
    // ilc contract: length, then the characters inline.
#pragma warning disable CS0649, CS0169 // laid out by ilc for frozen literals
    private readonly int _stringLength;
    private char _firstChar;
#pragma warning restore CS0649, CS0169

    public static readonly string Empty = "";

    // Strings are literals frozen into the image by ilc; there is no way to build one at run time.
    private String()
    {
    }

    public int Length => _stringLength;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength) ThrowHelper.IndexOutOfRange();
            return Unsafe.Add(ref _firstChar, index);
        }
    }

    /// <summary>Lets <c>fixed (char* p = text)</c> pin the characters.</summary>
    public ref readonly char GetPinnableReference() => ref _firstChar;

    public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => value is null || value._stringLength == 0;

    /// <summary>Ordinal comparison; also what <c>==</c> and <c>switch</c> on strings compile to.</summary>
    public static bool Equals(string? a, string? b)
    {
        if ((object?)a == (object?)b) return true;
        if (a is null || b is null || a._stringLength != b._stringLength) return false;
        for (int i = 0; i < a._stringLength; i++)
        {
            if (Unsafe.Add(ref a._firstChar, i) != Unsafe.Add(ref b._firstChar, i)) return false;
        }
        return true;
    }

    public static bool operator ==(string? a, string? b) => Equals(a, b);

    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    public static implicit operator ReadOnlySpan<char>(string? value) =>
        value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);
}
