namespace System;

/// <summary>The <c>char</c> primitive (UTF-16 code unit).</summary>
public readonly struct Char
{
    public const char MaxValue = (char)0xFFFF;
    public const char MinValue = (char)0x00;
}
