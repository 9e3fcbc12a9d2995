namespace System;

/// <summary>The <c>int</c> primitive.</summary>
public readonly struct Int32
{
    public const int MaxValue = 0x7FFFFFFF;
    public const int MinValue = unchecked((int)0x80000000);
}
