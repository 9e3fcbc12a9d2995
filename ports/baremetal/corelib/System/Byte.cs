namespace System;

/// <summary>The <c>byte</c> primitive.</summary>
public readonly struct Byte
{
    public const byte MaxValue = 255;
    public const byte MinValue = 0;
}
