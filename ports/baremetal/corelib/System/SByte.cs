namespace System;

/// <summary>The <c>sbyte</c> primitive.</summary>
public readonly struct SByte
{
    public const sbyte MaxValue = 127;
    public const sbyte MinValue = -128;
}
